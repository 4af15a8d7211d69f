//! The built-in gazetteer, compiled in from the crate's `gazetteers/` folder.

use once_cell::sync::Lazy;

use super::Gazetteer;

/// The built-in gazetteer files: `(file name, contents)`.
pub const BUILTIN_FILES: &[(&str, &str)] = &[
    (
        "gazetteers/people.tsv",
        include_str!("../../gazetteers/people.tsv"),
    ),
    (
        "gazetteers/organisations.tsv",
        include_str!("../../gazetteers/organisations.tsv"),
    ),
    (
        "gazetteers/places.tsv",
        include_str!("../../gazetteers/places.tsv"),
    ),
];

static BUILTIN: Lazy<Gazetteer> = Lazy::new(|| {
    let mut g = Gazetteer::new();
    for (name, text) in BUILTIN_FILES {
        // The files are checked by this crate's tests; a bad one is a build defect.
        g.add_tsv(name, text)
            .unwrap_or_else(|e| panic!("built-in gazetteer: {e}"));
    }
    g
});

pub(super) fn get() -> &'static Gazetteer {
    &BUILTIN
}

/// Aliases that several built-in entities claim on purpose (folded, one a line, `#` comments).
#[cfg(test)]
const SHARED_ALIASES: &str = include_str!("../../gazetteers/shared_aliases.txt");

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use super::{BUILTIN_FILES, SHARED_ALIASES};
    use crate::gazetteer::{Entity, Gazetteer};
    use crate::matcher::fold_str;

    /// Words that no case-insensitive alias may be: they start sentences and fill headlines.
    const STOP_WORDS: &[&str] = &[
        "a",
        "about",
        "after",
        "all",
        "also",
        "an",
        "and",
        "april",
        "are",
        "army",
        "as",
        "at",
        "august",
        "bath",
        "be",
        "bill",
        "black",
        "brown",
        "but",
        "by",
        "can",
        "chance",
        "chase",
        "city",
        "cook",
        "council",
        "court",
        "east",
        "for",
        "from",
        "government",
        "grant",
        "green",
        "has",
        "have",
        "he",
        "her",
        "his",
        "hope",
        "house",
        "hunt",
        "if",
        "in",
        "is",
        "it",
        "its",
        "june",
        "justice",
        "liberty",
        "long",
        "major",
        "march",
        "mark",
        "may",
        "minister",
        "mobile",
        "more",
        "mr",
        "new",
        "nice",
        "no",
        "north",
        "not",
        "of",
        "on",
        "one",
        "or",
        "our",
        "party",
        "police",
        "president",
        "reading",
        "republic",
        "rice",
        "rose",
        "said",
        "says",
        "she",
        "so",
        "south",
        "split",
        "state",
        "states",
        "that",
        "the",
        "their",
        "they",
        "this",
        "to",
        "union",
        "up",
        "was",
        "we",
        "west",
        "white",
        "who",
        "will",
        "with",
        "world",
        "you",
        "young",
    ];

    /// Capitalised words that an exact-case acronym may not be (common in all-caps headlines).
    const STOP_ACRONYMS: &[&str] = &[
        "AM", "AN", "AND", "ARE", "AS", "AT", "BE", "BUT", "BY", "CAN", "DO", "FOR", "GO", "HE",
        "IF", "IN", "IS", "IT", "ME", "MY", "NO", "NOT", "OF", "OK", "ON", "OR", "SO", "THE", "TO",
        "UP", "WAS", "WE", "WHY", "YES",
    ];

    /// Demonyms and adjectives: never mentions (SPEC §4), so never aliases.
    const DEMONYMS: &[&str] = &[
        "afghan",
        "albanian",
        "albanians",
        "american",
        "americans",
        "arab",
        "arabs",
        "british",
        "canadian",
        "chinese",
        "egyptian",
        "emirati",
        "european",
        "europeans",
        "french",
        "german",
        "indian",
        "iranian",
        "iranians",
        "iraqi",
        "iraqis",
        "israeli",
        "israelis",
        "italian",
        "japanese",
        "jordanian",
        "kurd",
        "kurdish",
        "kurds",
        "kuwaiti",
        "lebanese",
        "pakistani",
        "palestinian",
        "palestinians",
        "persian",
        "qatari",
        "russian",
        "saudi",
        "saudis",
        "shia",
        "shiite",
        "soviet",
        "sunni",
        "syrian",
        "turkish",
        "western",
        "yemeni",
    ];

    /// First names that are no alias on their own (the engine would tag every namesake).
    const FIRST_NAMES: &[&str] = &[
        "ahmad", "ahmed", "ali", "anne", "barack", "donald", "george", "hassan", "hillary",
        "hossein", "hussein", "james", "joe", "john", "mahmoud", "maryam", "masoud", "massoud",
        "mehdi", "michael", "mohammad", "mohammed", "muhammad", "reza", "robert", "rudy", "salman",
        "william", "babak", "behzad", "hamid", "javad", "kazem", "majid", "mehran", "mohsen",
        "omid", "pardis", "saeed", "shahin", "shahriar", "soroush",
    ];

    /// Common surnames (and surnames of several people in the general news) that are no alias
    /// on their own: `Lord Corbett` and `Ronnie Corbett`, `Henry McLeish` and `Alex McLeish`.
    /// `Blair`, `Gates` and `Powell` predate this list and are kept on purpose.
    const COMMON_SURNAMES: &[&str] = &[
        "adams",
        "allen",
        "baird",
        "boothroyd",
        "campbell",
        "card",
        "chu",
        "clark",
        "corbett",
        "davis",
        "evans",
        "gharib",
        "harper",
        "jones",
        "kennedy",
        "king",
        "lee",
        "mcleish",
        "miller",
        "roche",
        "scott",
        "smith",
        "taylor",
        "thomas",
        "williams",
        "wilson",
    ];

    fn body(form: &str) -> &str {
        form.strip_prefix('=').unwrap_or(form)
    }

    fn is_exact(form: &str) -> bool {
        let b = body(form);
        form.starts_with('=')
            || (!b.chars().any(char::is_lowercase)
                && b.chars().filter(|c| c.is_uppercase()).count() >= 2)
    }

    fn folded(form: &str) -> String {
        String::from_utf8(fold_str(body(form))).expect("folds to UTF-8")
    }

    fn shared_list() -> BTreeSet<String> {
        SHARED_ALIASES
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter(|l| !l.is_empty())
            .map(folded)
            .collect()
    }

    /// Folded form -> the entities that claim it.
    fn claims(g: &Gazetteer) -> BTreeMap<String, BTreeSet<&str>> {
        let mut map: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
        for e in g.entities() {
            for form in e.surface_forms() {
                map.entry(folded(form)).or_default().insert(e.id());
            }
        }
        map
    }

    fn forms(g: &Gazetteer) -> impl Iterator<Item = (&Entity, &str)> {
        g.entities()
            .iter()
            .flat_map(|e| e.surface_forms().map(move |f| (e, f)))
    }

    #[test]
    fn every_file_loads_on_its_own() {
        for (name, text) in BUILTIN_FILES {
            let g = Gazetteer::from_tsv(name, text).unwrap_or_else(|e| panic!("{e}"));
            assert!(g.len() > 100, "{name}: only {} entities", g.len());
        }
    }

    #[test]
    fn builtin_loads_with_enough_entities() {
        let g = super::get();
        assert!(g.len() >= 2000, "only {} entities", g.len());
        for id in [
            "iran",
            "us",
            "mek",
            "maryam-rajavi",
            "camp-ashraf",
            "manez",
            "durres",
        ] {
            assert!(g.get(id).is_some(), "missing {id}");
        }
        for kind in ["person", "organisation", "place"] {
            let n = g
                .entities()
                .iter()
                .filter(|e| e.kind().as_str() == kind)
                .count();
            assert!(n >= 400, "only {n} entities of type {kind}");
        }
    }

    #[test]
    fn ids_are_unique_and_well_formed() {
        let mut seen = BTreeSet::new();
        for e in super::get().entities() {
            let id = e.id();
            assert!(
                !id.is_empty()
                    && !id.starts_with('-')
                    && !id.ends_with('-')
                    && !id.contains("--")
                    && id
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "bad id {id:?}"
            );
            assert!(seen.insert(id), "duplicate id {id}");
        }
    }

    #[test]
    fn every_form_has_a_letter_or_digit_and_no_stray_space() {
        for (e, form) in forms(super::get()) {
            assert!(
                body(form).chars().any(char::is_alphanumeric),
                "{}: {form:?}",
                e.id()
            );
            assert_eq!(form, form.trim(), "{}: {form:?}", e.id());
            assert!(
                !form.contains("  ") && !form.contains('\t'),
                "{}: {form:?}",
                e.id()
            );
        }
    }

    #[test]
    fn an_alias_names_one_entity_unless_listed_as_shared() {
        let g = super::get();
        let shared = shared_list();
        let mut unlisted = Vec::new();
        for (form, ids) in claims(g) {
            if ids.len() > 1 && !shared.contains(&form) {
                unlisted.push(format!("{form:?} {ids:?}"));
            }
        }
        assert!(
            unlisted.is_empty(),
            "aliases claimed by several entities: {unlisted:#?}"
        );
    }

    #[test]
    fn listed_shared_aliases_are_shared_by_entities_of_one_type() {
        let g = super::get();
        let claims = claims(g);
        for form in shared_list() {
            let ids = claims
                .get(&form)
                .unwrap_or_else(|| panic!("{form:?} is listed but unused"));
            assert!(
                ids.len() > 1,
                "{form:?} is listed as shared but names only {ids:?}"
            );
            // An unresolved shared form still has a type only if its candidates agree.
            let kinds: BTreeSet<&str> = ids
                .iter()
                .map(|id| g.get(id).expect("known id").kind().as_str())
                .collect();
            assert_eq!(kinds.len(), 1, "{form:?} is shared across types {kinds:?}");
        }
    }

    #[test]
    fn no_alias_is_a_common_word() {
        for (e, form) in forms(super::get()) {
            let f = folded(form);
            if is_exact(form) {
                assert!(
                    !STOP_ACRONYMS.contains(&body(form)),
                    "{}: acronym {form:?}",
                    e.id()
                );
            } else {
                assert!(
                    !STOP_WORDS.contains(&f.as_str()),
                    "{}: common word {form:?}",
                    e.id()
                );
            }
        }
    }

    #[test]
    fn no_alias_is_a_demonym_or_a_bare_first_name() {
        for (e, form) in forms(super::get()) {
            let f = folded(form);
            assert!(
                !DEMONYMS.contains(&f.as_str()),
                "{}: demonym {form:?}",
                e.id()
            );
            assert!(
                !FIRST_NAMES.contains(&f.as_str()),
                "{}: first name {form:?}",
                e.id()
            );
        }
    }

    #[test]
    fn no_alias_is_a_common_surname() {
        for (e, form) in forms(super::get()) {
            let f = folded(form);
            assert!(
                !COMMON_SURNAMES.contains(&f.as_str()),
                "{}: common surname {form:?}",
                e.id()
            );
        }
    }

    /// A form `The X` wins, leftmost, over a longer form `X Y` starting one word later
    /// (`the Guardian Council` would give `Guardian`): such names need their own `The` form.
    #[test]
    fn forms_starting_with_the_do_not_shadow_longer_names() {
        let g = super::get();
        let claims = claims(g);
        let mut shadowed = Vec::new();
        for (e, form) in forms(g) {
            let Some(rest) = folded(form).strip_prefix("the ").map(str::to_string) else {
                continue;
            };
            let prefix = format!("{rest} ");
            for (other, ids) in &claims {
                if !other.starts_with(&prefix) || ids.contains(e.id()) {
                    continue;
                }
                let with_the = format!("the {other}");
                let covered = claims
                    .get(&with_the)
                    .is_some_and(|w| ids.iter().all(|i| w.contains(i)));
                if !covered {
                    shadowed.push(format!("{form:?} ({}) shadows {other:?} {ids:?}", e.id()));
                }
            }
        }
        assert!(shadowed.is_empty(), "add `The …` forms: {shadowed:#?}");
    }

    /// The engine checks an exact-case form against the mention after it drops a lowercase
    /// `the`, so an exact form written `=the X` could never match: write `The X` instead.
    #[test]
    fn no_exact_form_starts_with_a_lowercase_the() {
        for (e, form) in forms(super::get()) {
            assert!(!form.starts_with("=the "), "{}: dead form {form:?}", e.id());
        }
    }

    #[test]
    fn generated_section_is_marked() {
        let places = BUILTIN_FILES
            .iter()
            .find(|(n, _)| n.ends_with("places.tsv"))
            .expect("places");
        assert!(
            places
                .1
                .contains("# --- generated by scripts/gen_gazetteer_places.py")
        );
    }
}
