//! The registry file format, checked by hand on the YAML tree (`yaml::Node`) so that every
//! schema problem of a file (unknown, missing or repeated fields, wrong types) is found in one
//! pass and placed at its own node, in block and flow layouts alike. Scalars are kept as
//! written, so a value's precision survives ("46.40" is not 46.4).

use crate::yaml::{Mark, Node, Value};

/// A schema problem, with the registry code it is reported under.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    pub mark: Mark,
    pub kind: &'static str,
    pub message: String,
}

/// A scalar as written, with where.
#[derive(Debug, Clone, PartialEq)]
pub struct Str {
    pub text: String,
    pub mark: Mark,
}

/// One `claims/*.yaml` file, as far as it could be read. A fact or source whose fields are
/// wrong is kept as its id alone (`None`), so that references to it are not errors too.
#[derive(Debug, Default)]
pub struct File {
    pub sources: Vec<(Str, Option<Source>)>,
    pub facts: Vec<(Option<Str>, Option<Fact>)>,
    pub relations: Vec<Relation>,
}

#[derive(Debug)]
pub struct Source {
    pub name: String,
    pub url: Option<String>,
    /// `YYYY-MM-DD`.
    pub published: Option<Str>,
}

#[derive(Debug)]
pub struct Fact {
    pub id: Str,
    /// What is measured, in words.
    pub what: String,
    /// Regexes that must all occur in a claim's sentence; `match_mark` is where the list is.
    pub patterns: Vec<Str>,
    pub match_mark: Mark,
    /// Regexes none of which may occur in the sentence ("US" for a world total).
    pub exclude: Vec<Str>,
    pub period: Str,
    /// As written; absent for a fact that a relation implies.
    pub value: Option<Str>,
    /// The step the value was rounded to, when its writing does not say it ("100" given to
    /// the unit); overrides the written precision.
    pub precision: Option<Str>,
    pub unit: Str,
    pub source: Str,
}

/// A relation between facts. The schema checks the field names and types; the registry
/// checks the shape (exactly one of `change`, `part`, `sum`), so its messages can say what
/// is missing.
#[derive(Debug)]
pub struct Relation {
    /// Where the relation's mapping starts (its first key).
    pub mark: Mark,
    pub change: Option<Endpoints>,
    /// The change as stated: "+157.5%", "-38.1%", "+2.5pp", ">x7".
    pub stated: Option<Str>,
    pub part: Option<Str>,
    pub whole: Option<Str>,
    /// The parts, and where the list is.
    pub sum: Option<(Mark, Vec<Str>)>,
    pub total: Option<Str>,
    pub source: Option<Str>,
}

#[derive(Debug)]
pub struct Endpoints {
    pub mark: Mark,
    pub from: Str,
    pub to: Str,
}

const FILE: &[&str] = &["topic", "sources", "facts", "relations"];
const SOURCE: &[&str] = &["name", "url", "published"];
const FACT: &[&str] = &[
    "id",
    "what",
    "match",
    "exclude",
    "period",
    "value",
    "precision",
    "unit",
    "source",
    "note",
];
const RELATION: &[&str] = &[
    "change", "stated", "part", "whole", "sum", "total", "source", "note",
];
const ENDPOINTS: &[&str] = &["from", "to"];

/// Reads a file's tree, adding every schema problem to `issues`.
pub fn read(root: &Node, issues: &mut Vec<Issue>) -> File {
    let mut r = Reader { issues };
    let mut file = File::default();
    let Some(f) = r.fields(root, "", FILE, "struct File") else {
        return file;
    };
    if r.required(&f, 0, FILE, root, "").is_some() {
        r.string(f[0].unwrap(), "topic");
    }
    if let Some(sources) = f[1].filter(|n| !n.is_null()) {
        match &sources.value {
            Value::Map(pairs) => {
                for (key, spec) in pairs {
                    if let Some(id) = r.string(key, "sources") {
                        let path = format!("sources.{}", id.text);
                        let spec = r.source(spec, &path);
                        file.sources.push((id, spec));
                    }
                }
            }
            _ => r.invalid(sources, "sources", "a map"),
        }
    }
    if let Some(facts) = r.seq(f[2], "facts") {
        for (i, item) in facts.iter().enumerate() {
            file.facts.push(r.fact(item, &format!("facts[{i}]")));
        }
    }
    if let Some(relations) = r.seq(f[3], "relations") {
        for (i, item) in relations.iter().enumerate() {
            if let Some(relation) = r.relation(item, &format!("relations[{i}]")) {
                file.relations.push(relation);
            }
        }
    }
    file
}

struct Reader<'a> {
    issues: &'a mut Vec<Issue>,
}

/// "facts[0]: message", or the message alone at the top level (as serde words it).
fn at_path(path: &str, message: String) -> String {
    if path.is_empty() {
        message
    } else {
        format!("{path}: {message}")
    }
}

/// What a node is, in serde's words ("string \"export\"", "integer `5`", "sequence").
fn unexpected(node: &Node) -> String {
    match &node.value {
        Value::Seq(_) => "sequence".to_string(),
        Value::Map(_) => "map".to_string(),
        Value::Scalar { .. } if node.is_null() => "unit value".to_string(),
        Value::Scalar { text, plain } => {
            if *plain && matches!(text.as_str(), "true" | "false") {
                format!("boolean `{text}`")
            } else if *plain && text.parse::<i64>().is_ok() {
                format!("integer `{text}`")
            } else if *plain && text.parse::<f64>().is_ok_and(f64::is_finite) {
                format!("floating point `{text}`")
            } else {
                format!("string {text:?}")
            }
        }
    }
}

/// serde's "expected one of `a`, `b`" / "expected `a` or `b`".
fn expected_fields(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.as_slice() {
        [] => "there are no fields".to_string(),
        [one] => format!("expected {one}"),
        [a, b] => format!("expected {a} or {b}"),
        all => format!("expected one of {}", all.join(", ")),
    }
}

impl Reader<'_> {
    fn issue(&mut self, mark: Mark, kind: &'static str, message: String) {
        self.issues.push(Issue {
            mark,
            kind,
            message,
        });
    }

    fn invalid(&mut self, node: &Node, path: &str, expected: &str) {
        let message = format!("invalid type: {}, expected {expected}", unexpected(node));
        self.issue(node.mark, "registry-invalid-type", at_path(path, message));
    }

    /// The value of each of `names` in mapping `node` (`None` when absent). Unknown and
    /// repeated keys are issues; `None` (an issue) when `node` is not a mapping.
    fn fields<'n>(
        &mut self,
        node: &'n Node,
        path: &str,
        names: &[&str],
        expecting: &str,
    ) -> Option<Vec<Option<&'n Node>>> {
        let Value::Map(pairs) = &node.value else {
            self.invalid(node, path, expecting);
            return None;
        };
        let mut found = vec![None; names.len()];
        for (key, value) in pairs {
            let Some(name) = key.scalar() else {
                self.invalid(key, path, "a field name");
                continue;
            };
            match names.iter().position(|n| *n == name) {
                Some(i) if found[i].is_some() => self.issue(
                    key.mark,
                    "registry-invalid-type",
                    at_path(path, format!("duplicate field `{name}`")),
                ),
                Some(i) => found[i] = Some(value),
                None => self.issue(
                    key.mark,
                    "registry-unknown-field",
                    at_path(
                        path,
                        format!("unknown field `{name}`, {}", expected_fields(names)),
                    ),
                ),
            }
        }
        Some(found)
    }

    /// Field `i` of `fields`, or a "missing field" issue at the mapping.
    fn required<'n>(
        &mut self,
        fields: &[Option<&'n Node>],
        i: usize,
        names: &[&str],
        node: &Node,
        path: &str,
    ) -> Option<&'n Node> {
        if fields[i].is_none() {
            self.issue(
                node.mark,
                "registry-missing-field",
                at_path(path, format!("missing field `{}`", names[i])),
            );
        }
        fields[i]
    }

    /// A scalar (a number is read as written); null and collections are issues.
    fn string(&mut self, node: &Node, path: &str) -> Option<Str> {
        match node.scalar() {
            Some(text) if !node.is_null() => Some(Str {
                text: text.to_string(),
                mark: node.mark,
            }),
            _ => {
                self.invalid(node, path, "a string");
                None
            }
        }
    }

    /// Like [`string`](Self::string) for an optional field: absent or null is `Ok(None)`,
    /// a wrong type `Err`.
    fn optional(&mut self, node: Option<&Node>, path: &str) -> Result<Option<Str>, ()> {
        match node.filter(|n| !n.is_null()) {
            None => Ok(None),
            Some(n) => self.string(n, path).map(Some).ok_or(()),
        }
    }

    /// A sequence, or nothing when absent or null; anything else is an issue.
    fn seq<'n>(&mut self, node: Option<&'n Node>, path: &str) -> Option<&'n [Node]> {
        let node = node.filter(|n| !n.is_null())?;
        match &node.value {
            Value::Seq(items) => Some(items),
            _ => {
                self.invalid(node, path, "a sequence");
                None
            }
        }
    }

    /// A list of strings; `None` when it or any item is of the wrong type.
    fn strings(&mut self, node: &Node, path: &str) -> Option<Vec<Str>> {
        let Value::Seq(items) = &node.value else {
            self.invalid(node, path, "a sequence");
            return None;
        };
        let read: Vec<Option<Str>> = items
            .iter()
            .enumerate()
            .map(|(i, item)| self.string(item, &format!("{path}[{i}]")))
            .collect();
        read.into_iter().collect()
    }

    fn source(&mut self, node: &Node, path: &str) -> Option<Source> {
        let f = self.fields(node, path, SOURCE, "struct Source")?;
        let name = self
            .required(&f, 0, SOURCE, node, path)
            .and_then(|n| self.string(n, &format!("{path}.name")));
        let url = self.optional(f[1], &format!("{path}.url"));
        let published = self.optional(f[2], &format!("{path}.published"));
        Some(Source {
            name: name?.text,
            url: url.ok()?.map(|s| s.text),
            published: published.ok()?,
        })
    }

    /// A fact's id (when readable) and the fact (when all of it is).
    fn fact(&mut self, node: &Node, path: &str) -> (Option<Str>, Option<Fact>) {
        let before = self.issues.len();
        let Some(f) = self.fields(node, path, FACT, "struct Fact") else {
            return (None, None);
        };
        let req = |r: &mut Self, i: usize| {
            r.required(&f, i, FACT, node, path)
                .and_then(|n| r.string(n, &format!("{path}.{}", FACT[i])))
        };
        let id = req(self, 0);
        let what = req(self, 1);
        let period = req(self, 4);
        let unit = req(self, 7);
        let source = req(self, 8);
        let patterns = self
            .required(&f, 2, FACT, node, path)
            .and_then(|n| Some((n.mark, self.strings(n, &format!("{path}.match"))?)));
        let exclude = match f[3].filter(|n| !n.is_null()) {
            None => Some(Vec::new()),
            Some(n) => self.strings(n, &format!("{path}.exclude")),
        };
        let value = self.optional(f[5], &format!("{path}.value"));
        let precision = self.optional(f[6], &format!("{path}.precision"));
        let note = self.optional(f[9], &format!("{path}.note"));
        if self.issues.len() > before || note.is_err() {
            return (id, None);
        }
        let read = (|| {
            let (match_mark, patterns) = patterns?;
            Some(Fact {
                id: id.clone()?,
                what: what?.text,
                patterns,
                match_mark,
                exclude: exclude?,
                period: period?,
                value: value.ok()?,
                precision: precision.ok()?,
                unit: unit?,
                source: source?,
            })
        })();
        (id, read)
    }

    fn relation(&mut self, node: &Node, path: &str) -> Option<Relation> {
        let before = self.issues.len();
        let f = self.fields(node, path, RELATION, "struct Relation")?;
        let change = f[0].filter(|n| !n.is_null()).map(|n| {
            let p = format!("{path}.change");
            let e = self.fields(n, &p, ENDPOINTS, "struct Endpoints")?;
            let from = self.required(&e, 0, ENDPOINTS, n, &p);
            let from = from.and_then(|x| self.string(x, &format!("{p}.from")));
            let to = self.required(&e, 1, ENDPOINTS, n, &p);
            let to = to.and_then(|x| self.string(x, &format!("{p}.to")));
            Some(Endpoints {
                mark: n.mark,
                from: from?,
                to: to?,
            })
        });
        let stated = self.optional(f[1], &format!("{path}.stated"));
        let part = self.optional(f[2], &format!("{path}.part"));
        let whole = self.optional(f[3], &format!("{path}.whole"));
        let sum = f[4]
            .filter(|n| !n.is_null())
            .map(|n| Some((n.mark, self.strings(n, &format!("{path}.sum"))?)));
        let total = self.optional(f[5], &format!("{path}.total"));
        let source = self.optional(f[6], &format!("{path}.source"));
        let _ = self.optional(f[7], &format!("{path}.note"));
        if self.issues.len() > before {
            return None;
        }
        Some(Relation {
            mark: node.mark,
            change: change.flatten(),
            stated: stated.ok()?,
            part: part.ok()?,
            whole: whole.ok()?,
            sum: sum.flatten(),
            total: total.ok()?,
            source: source.ok()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn issues(text: &str) -> Vec<(u32, u32, &'static str, String)> {
        let root = crate::yaml::parse_untrusted(text).unwrap();
        let mut issues = Vec::new();
        read(&root, &mut issues);
        issues
            .into_iter()
            .map(|i| (i.mark.line, i.mark.column, i.kind, i.message))
            .collect()
    }

    #[test]
    fn every_problem_of_a_file_is_found_at_its_node() {
        let text = "topic: t\nfacts:\n  - id: a\n    vaule: 1\n    what: [x]\n  - {id: b, what: w, match: [m], period: 2025, unit: t, colour: red}\n";
        let found = issues(text);
        let kinds: Vec<_> = found.iter().map(|i| (i.0, i.1, i.2)).collect();
        assert_eq!(
            kinds,
            vec![
                (4, 5, "registry-unknown-field"),
                (5, 11, "registry-invalid-type"),
                (3, 5, "registry-missing-field"),
                (3, 5, "registry-missing-field"),
                (3, 5, "registry-missing-field"),
                (3, 5, "registry-missing-field"),
                (6, 57, "registry-unknown-field"),
                (6, 5, "registry-missing-field"),
            ],
            "{found:#?}"
        );
        assert_eq!(
            found[1].3,
            "facts[0].what: invalid type: sequence, expected a string"
        );
        assert_eq!(found[7].3, "facts[1]: missing field `source`");
    }

    #[test]
    fn numbers_and_quoted_scalars_are_read_as_written() {
        let text = "topic: t\nfacts:\n  - {id: a, what: w, match: ['m'], period: 2025-06, value: 46.40, unit: t, source: s}\n";
        let root = crate::yaml::parse_untrusted(text).unwrap();
        let mut found = Vec::new();
        let file = read(&root, &mut found);
        assert!(found.is_empty(), "{found:?}");
        let fact = file.facts[0].1.as_ref().unwrap();
        assert_eq!(fact.value.as_ref().unwrap().text, "46.40");
        assert_eq!(
            fact.value.as_ref().unwrap().mark,
            Mark {
                line: 3,
                column: 60
            }
        );
        assert_eq!(
            fact.patterns[0].mark,
            Mark {
                line: 3,
                column: 30
            }
        );
    }
}
