//! Tests of the editor's page: its hooks, readings, escaping and policy, and a snapshot.

use super::*;
use crate::emit::testing;
use crate::span::Span;

fn render(
    reports: &[(ArticleReport, Option<&Document>)],
    registry: Option<RegistryInfo>,
) -> String {
    let mut html = Html::new(registry.map(std::sync::Arc::new));
    let mut out = Vec::new();
    let mut tally = Tally::default();
    for (report, doc) in reports {
        tally.record(report, 0, true);
        html.article(&mut out, report, *doc).unwrap();
    }
    assert!(out.is_empty(), "nothing is written before the end");
    html.finish(&mut out, &tally).unwrap();
    String::from_utf8(out).unwrap()
}

/// The page without its style, script, hashes and version, which have no place in a
/// snapshot of the structure.
fn redacted(page: &str) -> String {
    page.replace(STYLE, "[style]")
        .replace(SCRIPT, "[script]")
        .replace(&csp_hash(STYLE), "[style hash]")
        .replace(&csp_hash(SCRIPT), "[script hash]")
        .replace(env!("CARGO_PKG_VERSION"), "[version]")
        .split("<pre class=\"docs\">")
        .enumerate()
        .map(|(i, part)| match (i, part.find("</pre>")) {
            (0, _) | (_, None) => part.to_string(),
            (_, Some(end)) => format!("<pre class=\"docs\">[docs]{}", &part[end..]),
        })
        .collect()
}

fn count(page: &str, needle: &str) -> usize {
    page.matches(needle).count()
}

fn registry_info() -> RegistryInfo {
    let mut info = RegistryInfo {
        paths: vec!["claims".into()],
        facts: 1,
        sources: 1,
        by_fact: BTreeMap::new(),
    };
    info.by_fact.insert(
        "cn-magnet-exports-us-2025-06".into(),
        FactInfo {
            what: "China's exports of rare earth magnets to the US".into(),
            written: Some("353".into()),
            unit: "t",
            period: "2025-06".into(),
            source: "General Administration of Customs".into(),
            url: Some("https://example.org/gac".into()),
            published: Date::parse("2025-07-20"),
        },
    );
    info
}

#[test]
fn page_snapshot() {
    let doc = testing::document();
    let page = render(
        &[(testing::flagged_report(&doc), Some(&doc))],
        Some(registry_info()),
    );
    insta::assert_snapshot!(redacted(&page));
}

#[test]
fn every_claim_and_finding_carries_its_hooks() {
    let doc = testing::document();
    let flagged = testing::flagged_report(&doc);
    let page = render(&[(flagged.clone(), Some(&doc))], None);
    assert_eq!(count(&page, " data-claim=\""), flagged.claims.len());
    assert_eq!(count(&page, " data-state=\""), flagged.claims.len());
    // The error and the warning name claim 2; claim 1 is confirmed by the registry.
    assert_eq!(count(&page, "data-claim=\"2\" data-state=\"error\""), 1);
    assert_eq!(count(&page, "data-claim=\"1\" data-state=\"confirmed\""), 1);
    let rules: Vec<&str> = page
        .split(" data-rule=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect();
    // Most severe first.
    assert_eq!(
        rules,
        [
            "change-mismatch",
            "points-vs-percent",
            "times-more-ambiguity"
        ]
    );
    // Each finding links to a place that exists.
    for target in page.split("class=\"goto\" href=\"#").skip(1) {
        let id = &target[..target.find('"').unwrap()];
        assert_eq!(count(&page, &format!(" id=\"{id}\"")), 1, "{id}");
    }
    // Each claim's reading exists, and the findings carry explain's summary.
    assert_eq!(count(&page, "class=\"reading\""), flagged.claims.len());
    assert!(page.contains(crate::rules::find("change-mismatch").unwrap().summary));
    // Without findings: consistent, confirmed, and no list.
    let clean = render(&[(testing::clean_report(&doc), Some(&doc))], None);
    assert_eq!(count(&clean, "data-state=\"consistent\""), 1);
    assert_eq!(count(&clean, " data-rule=\""), 0);
    assert!(clean.contains("No findings."));
}

#[test]
fn readings_say_what_the_claim_was_read_as() {
    let doc = testing::document();
    let page = render(
        &[(testing::flagged_report(&doc), Some(&doc))],
        Some(registry_info()),
    );
    let reading = &page[page.find("id=\"a1-r1\"").unwrap()..];
    let reading = &reading[..reading.find("</div>").unwrap()];
    for needle in [
        "stated “353 tons”, read as [352.5 t…353.5 t], period 2025-06",
        "direction up",
        "implied (not written: rebuilt from the claim), read as [46.3552 t…46.5455 t], period 2025-05",
        "by fact <code>cn-magnet-exports-us-2025-06</code>: China's exports",
        "source: General Administration of Customs, <a href=\"https://example.org/gac\"",
        "published 2025-07-20",
    ] {
        assert!(reading.contains(needle), "{needle}\n{reading}");
    }
    let reading = &page[page.find("id=\"a1-r2\"").unwrap()..];
    assert!(reading.contains(
        "a 20.8% rise from 72.6 mln to 87.1 mln is impossible: those figures give +19.8% to +20.1%"
    ));
    assert!(reading.contains("<li>note: 87.1/72.6 is 1.1983 to 1.2011</li>"));
}

#[test]
fn several_articles_get_a_list_and_unreadable_ones_say_why() {
    let doc = testing::document();
    let failed = ArticleReport::failed("x".into(), "x.jsonl".into(), Some(3), "bad <JSON>".into());
    let page = render(
        &[
            (testing::flagged_report(&doc), Some(&doc)),
            (testing::clean_report(&doc), Some(&doc)),
            (failed, None),
        ],
        None,
    );
    assert!(page.contains("<title>claimcheck: 3 articles</title>"));
    assert_eq!(count(&page, "<li><a href=\"#a"), 3);
    for n in 1..=3 {
        assert_eq!(
            count(&page, &format!("<section class=\"article\" id=\"a{n}\"")),
            1
        );
    }
    assert!(page.contains("Could not be read: bad &lt;JSON&gt;"));
    // Claim ids repeat across articles; element ids do not.
    assert_eq!(count(&page, "id=\"a1-c1\""), 1);
    assert_eq!(count(&page, "id=\"a2-c1\""), 1);
}

const HOSTILE: &str =
    "<script>alert(1)</script><img src=x onerror=alert(2)>\"'</style>\u{2028}&amp;";

#[test]
fn hostile_text_is_escaped_everywhere() {
    let text = format!(
        "---\ntitle: t\n---\n{HOSTILE} Sales rose 20.8% from 72.6 mln to 87.1 mln dlrs {HOSTILE}.\n"
    );
    let body = text.find(HOSTILE).unwrap();
    let mut doc = Document::new(
        "h".into(),
        "h.md".into(),
        text.clone(),
        Span::new(body, text.len()),
    );
    doc.title = Some(HOSTILE.into());
    let mut report = testing::flagged_report(&testing::document());
    report.title = Some(HOSTILE.into());
    report.source = HOSTILE.into();
    report.meta = std::borrow::Cow::Owned(
        [("url".to_string(), serde_json::json!("javascript:alert(3)"))]
            .into_iter()
            .collect(),
    );
    let start = text.find("87.1").unwrap();
    for c in &mut report.claims {
        c.span = Span::new(body, start + 4);
        c.text = text[body..start + 4].to_string().into();
        c.subject = HOSTILE.into();
    }
    for f in &mut report.findings {
        f.span = Span::new(body + 3, body + 20);
        f.message = HOSTILE.into();
        f.notes = vec![HOSTILE.to_string()].into();
    }
    let mut info = registry_info();
    for fact in info.by_fact.values_mut() {
        fact.what = HOSTILE.into();
        fact.source = HOSTILE.into();
        fact.url = Some("javascript:alert(4)".into());
    }
    let page = render(&[(report, Some(&doc))], Some(info));
    assert_eq!(count(&page, "<script"), 1, "only the page's script");
    assert_eq!(count(&page, "</script>"), 1);
    assert_eq!(count(&page, "</style>"), 1, "only the page's style ends");
    assert_eq!(count(&page, "<img"), 0);
    assert!(!page.contains("href=\"javascript:"));
    assert!(page.contains("<code>javascript:alert(3)</code>"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;'&lt;/style&gt;\u{2028}&amp;amp;"));
    // Every attribute value is quoted and holds no raw quote: the quotes in the text
    // stay inside the aria-label.
    let label = page.split("aria-label=\"").nth(1).unwrap();
    assert!(label[..label.find('"').unwrap()].contains("&quot;'"));
}

#[test]
fn a_one_megabyte_title_is_text() {
    let doc = testing::document();
    let mut report = testing::flagged_report(&doc);
    let title = HOSTILE.repeat((1 << 20) / HOSTILE.len() + 1);
    assert!(title.len() > 1 << 20);
    report.title = Some(title.clone().into());
    let page = render(&[(report, Some(&doc))], None);
    assert_eq!(count(&page, "<script"), 1);
    assert_eq!(count(&page, "<title>"), 1);
    assert!(page.contains(&format!(
        "<title>claimcheck: {}</title>",
        maud::html! { (title) }.into_string()
    )));
}

#[test]
fn overlapping_claims_nest_and_every_one_is_highlighted() {
    let doc = testing::document();
    let mut report = testing::clean_report(&doc);
    // Claim 2 starts inside claim 1 and ends after it; claim 3 is inside claim 1; claim 4
    // is empty.
    let base = testing::span_of("353 tons");
    let mut claims = Vec::new();
    for (id, (s, e)) in [(0, 20), (10, 40), (3, 8), (50, 50)]
        .into_iter()
        .enumerate()
    {
        let mut c = testing::claim_value(&doc);
        c.id = id + 1;
        c.span = Span::new(base.start + s, base.start + e);
        claims.push(c);
    }
    report.claims = claims;
    let page = render(&[(report, Some(&doc))], None);
    assert_eq!(count(&page, " data-claim=\""), 4);
    let text = &page[page.find("<div class=\"text\">").unwrap()..];
    let text = &text[..text.find("</div>").unwrap()];
    assert_eq!(count(text, "<mark"), count(text, "</mark>"));
    // The text reads as written once the marks are taken out.
    let mut plain = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => plain.push(c),
            _ => {}
        }
    }
    let body = &testing::TEXT[doc.body.start..].trim_end();
    assert_eq!(plain, *body);
}

#[test]
fn the_policy_names_the_page_own_style_and_script() {
    let page = render(&[], None);
    let csp = &page[page.find("Content-Security-Policy").unwrap()..];
    let csp = &csp[..csp.find('>').unwrap()];
    assert!(csp.contains("default-src 'none'"));
    assert!(csp.contains(&format!("style-src {}", csp_hash(STYLE))));
    assert!(csp.contains(&format!("script-src {}", csp_hash(SCRIPT))));
    assert!(page.contains(&format!("<style>{STYLE}</style>")));
    assert!(page.contains(&format!("<script>{SCRIPT}</script>")));
    // Nothing is loaded from anywhere.
    for attr in ["src=", "<link", "@import", "url("] {
        assert!(!page.contains(attr), "{attr}");
    }
    assert!(!safe_url("javascript:alert(1)") && !safe_url(" JaVaScRiPt:x"));
    assert!(safe_url("https://example.org") && safe_url("HTTP://example.org"));
}
