//! Gazetteers: the people, organisations and places to look for.
//!
//! A [`Gazetteer`] is a list of [`Entity`] records loaded from tab-separated files (SPEC §1):
//!
//! ```text
//! id→type→name→aliases
//! mek→organisation→People's Mojahedin Organization of Iran→MEK|MKO|PMOI|Mojahedin-e Khalq
//! maryam-rajavi→person→Maryam Rajavi→Rajavi
//! ```
//!
//! (`→` stands for a tab.)
//!
//! Loading is all-or-nothing: a file with any bad line adds nothing, and the error names
//! the file, the line and the reason. Besides the errors of SPEC §1, a name or alias longer
//! than 200 bytes is refused: the matcher's work per byte of text grows with the longest
//! form, and no real name comes near (the longest built-in one is 64 bytes). Ids are unique across everything loaded into one
//! gazetteer. The crate ships a built-in gazetteer ([`Gazetteer::builtin`]), compiled in.

mod builtin;
mod load;

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::fmt;
use std::path::Path;
use std::sync::Arc;

use crate::error::{Error, ErrorKind};

pub use self::builtin::BUILTIN_FILES;

/// The index of an entity in its [`Gazetteer`].
#[derive(Clone, Copy, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
pub struct EntityId(u32);

impl EntityId {
    /// The index as a `usize`.
    #[inline]
    pub fn as_usize(self) -> usize {
        self.0 as usize
    }

    #[inline]
    pub(crate) fn from_usize(i: usize) -> EntityId {
        EntityId(u32::try_from(i).expect("more than u32::MAX entities"))
    }
}

/// The type of an entity: `person`, `organisation`, `place`, or a custom lowercase word
/// that is passed through (e.g. `event`).
#[derive(Clone, Debug, Eq, Hash, PartialEq)]
pub enum EntityType {
    /// A person.
    Person,
    /// An organisation: a company, a party, an agency, a news outlet, an armed group …
    Organisation,
    /// A place: a country, a city, a region, a camp …
    Place,
    /// Any other type, as written in the gazetteer.
    Other(Box<str>),
}

impl EntityType {
    /// The type as written in gazetteers and output (`"person"`, `"organisation"` …).
    pub fn as_str(&self) -> &str {
        match self {
            EntityType::Person => "person",
            EntityType::Organisation => "organisation",
            EntityType::Place => "place",
            EntityType::Other(s) => s,
        }
    }

    fn parse(s: &str) -> Option<EntityType> {
        let ok = !s.is_empty()
            && s.as_bytes()[0].is_ascii_lowercase()
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'-' || b == b'_');
        if !ok {
            return None;
        }
        Some(match s {
            "person" => EntityType::Person,
            "organisation" => EntityType::Organisation,
            "place" => EntityType::Place,
            other => EntityType::Other(other.into()),
        })
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for EntityType {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One gazetteer record. Cloning is cheap (the record is shared).
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Entity(Arc<EntityData>);

#[derive(Debug, Eq, PartialEq)]
struct EntityData {
    id: Arc<str>,
    kind: EntityType,
    name: String,
    aliases: Vec<String>,
    /// The file and line the entity was loaded from.
    origin: Option<(Arc<str>, u32)>,
}

impl Entity {
    /// Creates an entity.
    ///
    /// # Errors
    ///
    /// Fails if the id is not lowercase ASCII letters, digits and `-`, or the name is empty,
    /// or the name or an alias has nothing to match or is longer than 200 bytes.
    pub fn new(
        id: &str,
        kind: EntityType,
        name: &str,
        aliases: impl IntoIterator<Item = impl AsRef<str>>,
    ) -> Result<Entity, Error> {
        Entity::with_origin(id, kind, name, aliases, None)
    }

    pub(crate) fn with_origin(
        id: &str,
        kind: EntityType,
        name: &str,
        aliases: impl IntoIterator<Item = impl AsRef<str>>,
        origin: Option<(Arc<str>, u32)>,
    ) -> Result<Entity, Error> {
        load::check_id(id)?;
        let name = name.trim();
        if name.is_empty() {
            return Err(Error::new(ErrorKind::EmptyName));
        }
        load::check_alias(name)?;
        let mut list = Vec::new();
        for a in aliases {
            let a = a.as_ref().trim();
            if a.is_empty() {
                continue;
            }
            load::check_alias(a)?;
            list.push(a.to_string());
        }
        Ok(Entity(Arc::new(EntityData {
            id: id.into(),
            kind,
            name: name.to_string(),
            aliases: list,
            origin,
        })))
    }

    /// The unique id (`maryam-rajavi`).
    pub fn id(&self) -> &str {
        &self.0.id
    }

    /// The type.
    pub fn kind(&self) -> &EntityType {
        &self.0.kind
    }

    /// The canonical name (`Maryam Rajavi`). It is matched like an alias.
    pub fn name(&self) -> &str {
        &self.0.name
    }

    /// The further surface forms, as written (a leading `=` marks an exact-case alias).
    pub fn aliases(&self) -> &[String] {
        &self.0.aliases
    }

    /// Every surface form: the name first, then the aliases.
    pub fn surface_forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name()).chain(self.aliases().iter().map(String::as_str))
    }

    /// Where the entity was defined: the file (as named when loading) and the 1-based line;
    /// `None` for an entity built in code.
    pub fn origin(&self) -> Option<(&str, usize)> {
        self.0.origin.as_ref().map(|(f, l)| (&**f, *l as usize))
    }

    /// `file:line`, or a phrase for an entity built in code.
    fn origin_string(&self) -> String {
        match self.origin() {
            Some((f, l)) => format!("{f}:{l}"),
            None => "an entity built in code".to_string(),
        }
    }
}

/// A set of entities with unique ids.
///
/// # Example
///
/// ```
/// use claimscan::Gazetteer;
///
/// let tsv = "id\ttype\tname\taliases\n\
///            mek\torganisation\tPeople's Mojahedin Organization of Iran\tMEK|MKO\n";
/// let gaz = Gazetteer::from_tsv("mine.tsv", tsv)?;
/// assert_eq!(gaz.len(), 1);
/// assert_eq!(gaz.get("mek").unwrap().aliases(), ["MEK", "MKO"]);
/// # Ok::<(), claimscan::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    entities: Vec<Entity>,
    by_id: HashMap<Arc<str>, EntityId>,
}

impl Gazetteer {
    /// An empty gazetteer.
    pub fn new() -> Gazetteer {
        Gazetteer::default()
    }

    /// The built-in gazetteer: the files of the crate's `gazetteers/` folder, compiled in.
    pub fn builtin() -> &'static Gazetteer {
        builtin::get()
    }

    /// Parses one TSV text. `name` is used in error messages (usually the file name).
    ///
    /// # Errors
    ///
    /// Any bad line fails the whole text; the error names `name`, the line and the reason.
    pub fn from_tsv(name: &str, text: &str) -> Result<Gazetteer, Error> {
        let mut g = Gazetteer::new();
        g.add_tsv(name, text)?;
        Ok(g)
    }

    /// Loads a TSV file, or every `*.tsv` file of a directory (in name order).
    ///
    /// # Errors
    ///
    /// As [`Gazetteer::add_path`].
    pub fn from_path(path: impl AsRef<Path>) -> Result<Gazetteer, Error> {
        let mut g = Gazetteer::new();
        g.add_path(path)?;
        Ok(g)
    }

    /// Adds the entities of one TSV text.
    ///
    /// # Errors
    ///
    /// A bad line, or an id already present, fails the call and adds nothing.
    pub fn add_tsv(&mut self, name: &str, text: &str) -> Result<(), Error> {
        let parsed = load::parse(name, text)?;
        self.extend_checked(parsed)
    }

    /// Adds a TSV file, or every `*.tsv` file of a directory (in name order).
    ///
    /// # Errors
    ///
    /// An unreadable file, a bad line or a duplicate id fails the call and adds nothing
    /// (for a directory: nothing of any of its files).
    pub fn add_path(&mut self, path: impl AsRef<Path>) -> Result<(), Error> {
        let path = path.as_ref();
        let files = load::tsv_files(path)?;
        let mut all = Vec::new();
        for file in files {
            let bytes = std::fs::read(&file).map_err(|e| Error::io(&file, e))?;
            let text = load::utf8(&bytes).map_err(|e| e.with_path(&file))?;
            all.extend(load::parse(&file.display().to_string(), text)?);
        }
        self.extend_checked(all)
    }

    /// Adds all entities of `other`.
    ///
    /// # Errors
    ///
    /// An id present in both fails the call and adds nothing.
    pub fn merge(&mut self, other: &Gazetteer) -> Result<(), Error> {
        self.extend_checked(other.entities.clone())
    }

    /// Adds one entity.
    ///
    /// # Errors
    ///
    /// Fails if its id is already present.
    pub fn push(&mut self, entity: Entity) -> Result<EntityId, Error> {
        self.extend_checked(vec![entity])?;
        Ok(EntityId::from_usize(self.entities.len() - 1))
    }

    /// Adds `new` unless one of its ids is already present or repeated in it; then adds
    /// nothing and names the first such id. Each id is hashed once: it goes into the index
    /// as it is checked, and on a duplicate the ids of `new` put in so far are taken out.
    fn extend_checked(&mut self, new: Vec<Entity>) -> Result<(), Error> {
        let base = self.entities.len();
        self.by_id.reserve(new.len());
        for (k, e) in new.iter().enumerate() {
            let first = match self.by_id.entry(e.0.id.clone()) {
                Entry::Vacant(slot) => {
                    slot.insert(EntityId::from_usize(base + k));
                    continue;
                }
                Entry::Occupied(slot) => slot.get().as_usize(),
            };
            let first = match first.checked_sub(base) {
                Some(j) => &new[j],
                None => &self.entities[first],
            };
            let mut err = Error::new(ErrorKind::DuplicateId {
                id: e.id().to_string(),
                first: first.origin_string(),
            });
            if let Some((file, line)) = e.origin() {
                err = err.with_path(file).with_line(line);
            }
            for added in &new[..k] {
                self.by_id.remove(added.id());
            }
            return Err(err);
        }
        self.entities.extend(new);
        Ok(())
    }

    /// The number of entities.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// True if there are no entities.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// The entity with this id.
    pub fn get(&self, id: &str) -> Option<&Entity> {
        self.by_id.get(id).map(|&i| &self.entities[i.as_usize()])
    }

    /// The index of the entity with this id.
    pub fn id_of(&self, id: &str) -> Option<EntityId> {
        self.by_id.get(id).copied()
    }

    /// The entity at an index.
    ///
    /// # Panics
    ///
    /// If the index is not from this gazetteer.
    pub fn entity(&self, id: EntityId) -> &Entity {
        &self.entities[id.as_usize()]
    }

    /// All entities, in load order.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }
}
