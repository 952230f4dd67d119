//! The registry file format as serde reads it: strict (unknown fields are errors), with
//! scalars kept as written so their precision survives YAML's number parsing.

use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;

/// One `claims/*.yaml` file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct File {
    /// What the file is about ("China rare earth magnet exports").
    pub topic: String,
    #[serde(default)]
    pub sources: BTreeMap<String, Source>,
    #[serde(default)]
    pub facts: Vec<Fact>,
    #[serde(default)]
    pub relations: Vec<Relation>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub name: String,
    #[serde(default)]
    pub url: Option<String>,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub published: Option<Written>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub id: String,
    /// What is measured, in words.
    pub what: String,
    /// Regexes that must all occur in a claim's sentence.
    #[serde(rename = "match")]
    pub patterns: Vec<String>,
    /// Regexes none of which may occur in the sentence ("US" for a world total).
    #[serde(default)]
    pub exclude: Vec<String>,
    pub period: Written,
    /// As written; absent for a fact that a relation implies.
    #[serde(default)]
    pub value: Option<Written>,
    /// The step the value was rounded to, when its writing does not say it ("100" given to
    /// the unit); overrides the written precision.
    #[serde(default)]
    pub precision: Option<Written>,
    pub unit: String,
    pub source: String,
    #[serde(default)]
    pub note: Option<String>,
}

/// A relation between facts. Exactly one of `change`, `part`, `sum` is given; serde checks the
/// field names, the registry checks the shape (so its messages can say what is missing).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    #[serde(default)]
    pub change: Option<Endpoints>,
    /// The change as stated: "+157.5%", "-38.1%", "+2.5pp", ">x7".
    #[serde(default)]
    pub stated: Option<Written>,
    #[serde(default)]
    pub part: Option<String>,
    #[serde(default)]
    pub whole: Option<String>,
    #[serde(default)]
    pub sum: Option<Vec<String>>,
    #[serde(default)]
    pub total: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Endpoints {
    pub from: String,
    pub to: String,
}

/// A scalar as written: a string, or a YAML number turned back into text. A number loses
/// how it was written ("46.40" becomes 46.4), so the registry re-reads the raw text from
/// the file when `from_number` is set.
#[derive(Debug, Clone, PartialEq)]
pub struct Written {
    pub text: String,
    pub from_number: bool,
}

impl<'de> Deserialize<'de> for Written {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Written;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number or a string")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Written, E> {
                Ok(Written {
                    text: v.to_string(),
                    from_number: false,
                })
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Written, E> {
                Ok(Written {
                    text: v.to_string(),
                    from_number: true,
                })
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Written, E> {
                Ok(Written {
                    text: v.to_string(),
                    from_number: true,
                })
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Written, E> {
                Ok(Written {
                    text: v.to_string(),
                    from_number: true,
                })
            }
        }
        d.deserialize_any(V)
    }
}
