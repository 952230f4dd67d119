//! "Did you mean": the known name closest to a misspelt one (a rule, a config key), by
//! Jaro-Winkler similarity (strsim), for error messages.

/// Names at least this similar to the one given are suggested; below it, a suggestion is
/// more likely to mislead than help.
const THRESHOLD: f64 = 0.8;

/// The candidate most similar to `name`, when one is similar enough.
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(name, c), c))
        .filter(|&(score, _)| score >= THRESHOLD)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// `; did you mean `x`?` for a misspelt `name`, or nothing.
pub fn did_you_mean<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    closest(name, candidates)
        .map(|c| format!("; did you mean `{c}`?"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_name_only_when_it_is_near() {
        let names = ["change-mismatch", "direction-mismatch", "fail-on", "format"];
        assert_eq!(closest("chnage-mismatch", names), Some("change-mismatch"));
        assert_eq!(closest("fail_on", names), Some("fail-on"));
        assert_eq!(closest("formta", names), Some("format"));
        assert_eq!(closest("zzz", names), None);
        assert_eq!(did_you_mean("zzz", names), "");
        assert_eq!(
            did_you_mean("directon-mismatch", names),
            "; did you mean `direction-mismatch`?"
        );
    }
}
