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

#[cfg(test)]
mod tests {
    #[test]
    fn builtin_loads() {
        let g = super::get();
        assert!(g.get("iran").is_some());
    }
}
