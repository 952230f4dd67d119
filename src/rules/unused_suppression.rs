//! `unused-suppression`: an inline suppression that silenced nothing. Only its name and docs
//! are here, in the catalogue: suppressions are applied after every rule and the registry
//! (`crate::suppress`), which raises the finding under this name.

pub const NAME: &str = "unused-suppression";

pub const SUMMARY: &str = "a claimcheck-ignore comment or field that matched no finding";

pub const DOCS: &str = "\
## What it does
Reports an inline suppression that no finding matched: a Markdown comment
`<!-- claimcheck-ignore RULE: reason -->` with no finding of RULE on the line it covers, a
`<!-- claimcheck-ignore-file RULE -->` with no finding of RULE in the file, or a name in a
JSON Lines record's `claimcheck_ignore` field with no finding of that rule in the record.
A suppression without a rule list covers every rule and is unused when its line (or file,
or record) has no finding at all.

## Why is this bad?
A suppression records that someone reviewed a finding and accepted it. Once the sentence is
rewritten, or the figure corrected, the comment stays behind and would silence a new,
unreviewed finding of the same rule on that line. Stale suppressions should be removed.

## Example
```text
<!-- claimcheck-ignore change-mismatch: the ministry revised the May figure -->
Exports rose 20% to 120 tons from 100 tons.
```
The figures give exactly +20%, so nothing is suppressed. Use instead:
```text
Exports rose 20% to 120 tons from 100 tons.
```
";
