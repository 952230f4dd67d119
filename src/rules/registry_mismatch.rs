//! `registry-mismatch`: a claim that contradicts a sourced fact of the registry. Only its
//! name and docs are here, in the catalogue beside the article rules: matching needs the
//! registry and runs in the registry stage, after the rules (`registry::matching`), which
//! raises the finding under this name.

pub const NAME: &str = "registry-mismatch";

pub const SUMMARY: &str = "a claim that contradicts a registry fact";

pub const DOCS: &str = "\
## What it does
Matches each claim against the facts of the claim registry (`claims/*.yaml`, or
`--registry PATH`): a fact applies when all of its `match` patterns occur in the claim's
sentence, none of its `exclude` patterns does, its period equals the claim's period and its
unit is the claim's (tons, tonnes and metric tons alike; a currency only with itself).
Implied baselines are matched too: \"+660% from May\" is checked against the registry's
figure for May. A claim whose figure, under every rounding its writing allows, misses the
fact's value is flagged, quoting the fact, its value and its source. A near miss (under 1%)
is a warning.

The change is judged too, when the claim's value and baseline are both registry facts and
a `change` relation between them states a change in the claim's measure (\"+157.5%\"): a
stated change that no reading of the relation's allows is flagged at the change's words
(a near miss, as for `change-mismatch`, is a warning). A baseline rebuilt from a
contradicted change is not flagged again.

To favour precision, a figure is left alone when more than one fact could apply and none
agrees with it, and a fact that another figure of the same sentence confirms does not
contradict the rest of that sentence.

## Why is this bad?
The registry holds figures checked against their source. An article that disagrees with
one has a typo, an outdated figure, or a figure about something else presented as this one.

## Example
With the registry fact `cn-magnet-exports-us-2025-06: 353 t` (China's rare earth magnet
exports to the US, June 2025, General Administration of Customs):
```text
China's export volume of rare earth magnets to the US in June soared to 335 tons.
```
Use instead:
```text
China's export volume of rare earth magnets to the US in June soared to 353 tons.
```
";
