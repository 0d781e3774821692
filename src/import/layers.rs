//! What each layer of a drawing becomes: the mapping a user gives
//! (`wall=A-WALL,door=A-DOOR,zone=A-AREA`), or a guess from common layer names
//! (the AIA CAD layer guidelines' A-WALL, A-DOOR, A-GLAZ, A-AREA..., and plain
//! English, French and German words).

use crate::scenario::{WallKind, ZoneKind};
use serde::{Serialize, Serializer};
use std::fmt;

/// What a layer's shapes become.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Walls of this kind (`wall`, `door`, `window`, `glass`, `railing`). A door
    /// layer's swing arcs become doors across their openings.
    Wall(WallKind),
    /// Zones of this kind, from the layer's closed shapes.
    Zone(ZoneKind),
    /// Texts naming the zones they lie in.
    Label,
    /// Not imported.
    Ignore,
}

impl Role {
    /// Every role, in the order the docs list them.
    pub const ALL: [Role; 10] = [
        Role::Wall(WallKind::Wall),
        Role::Wall(WallKind::Door),
        Role::Wall(WallKind::Window),
        Role::Wall(WallKind::Glass),
        Role::Wall(WallKind::Railing),
        Role::Zone(ZoneKind::Room),
        Role::Zone(ZoneKind::Exterior),
        Role::Zone(ZoneKind::Asset),
        Role::Label,
        Role::Ignore,
    ];

    /// The role's name in a mapping: `wall`, `door`, ..., `room`, `exterior`,
    /// `asset`, `label`, `ignore`.
    pub fn name(self) -> &'static str {
        match self {
            Role::Wall(k) => k.name(),
            Role::Zone(k) => k.name(),
            Role::Label => "label",
            Role::Ignore => "ignore",
        }
    }

    /// The role with this name (`zone` is `room`).
    pub fn from_name(name: &str) -> Option<Role> {
        if name.eq_ignore_ascii_case("zone") {
            return Some(Role::Zone(ZoneKind::Room));
        }
        Role::ALL
            .into_iter()
            .find(|r| r.name().eq_ignore_ascii_case(name))
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Role {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// Which layers take which role. Layer names match without regard to case; a
/// name ending in `*` matches every layer starting so. Layers the mapping does
/// not name are ignored.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mapping {
    /// `(layer name or prefix*, role)`, first match wins.
    pub entries: Vec<(String, Role)>,
}

impl Mapping {
    /// Parses `role=LAYER,role=LAYER,...` (a role may take several layers).
    ///
    /// # Errors
    /// A piece without `=`, an unknown role or an empty layer name, named.
    pub fn parse(text: &str) -> Result<Mapping, String> {
        let mut entries = Vec::new();
        for piece in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (role, layer) = piece
                .split_once('=')
                .ok_or_else(|| format!("\"{piece}\": expected role=LAYER, as in wall=A-WALL"))?;
            let role = Role::from_name(role.trim()).ok_or_else(|| {
                format!(
                    "\"{piece}\": unknown role \"{}\" (expected one of: {}, zone)",
                    role.trim(),
                    Role::ALL.map(Role::name).join(", ")
                )
            })?;
            let layer = layer.trim();
            if layer.is_empty() {
                return Err(format!("\"{piece}\": no layer name after ="));
            }
            entries.push((layer.to_string(), role));
        }
        Ok(Mapping { entries })
    }

    /// The role of a layer, `None` when the mapping does not name it.
    pub fn role_of(&self, layer: &str) -> Option<Role> {
        self.entries
            .iter()
            .find(|(pattern, _)| matches(pattern, layer))
            .map(|&(_, role)| role)
    }

    /// Patterns that match none of `layers` (probably typos).
    pub fn unmatched<'a>(&'a self, layers: &[&str]) -> Vec<&'a str> {
        self.entries
            .iter()
            .filter(|(p, _)| !layers.iter().any(|l| matches(p, l)))
            .map(|(p, _)| p.as_str())
            .collect()
    }

    /// The entries that name one of `layers` (a mapping given for several
    /// files, cut to one file's layers).
    pub fn matching(&self, layers: &[&str]) -> Mapping {
        Mapping {
            entries: self
                .entries
                .iter()
                .filter(|(p, _)| layers.iter().any(|l| matches(p, l)))
                .cloned()
                .collect(),
        }
    }

    /// The mapping as `role=LAYER,...` text (as `parse` reads it).
    pub fn to_text(&self) -> String {
        self.entries
            .iter()
            .map(|(layer, role)| format!("{role}={layer}"))
            .collect::<Vec<_>>()
            .join(",")
    }
}

fn matches(pattern: &str, layer: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => layer
            .get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix)),
        None => pattern.eq_ignore_ascii_case(layer),
    }
}

/// Words (upper case, without accents) and the role they suggest, strongest first.
const WORDS: &[(&[&str], Role)] = &[
    // Annotation, hatching and furniture: never geometry for sight.
    (
        &[
            "PATT",
            "HATCH",
            "HATC",
            "HTCH",
            "ANNO",
            "DIM",
            "DIMS",
            "DIMENSION",
            "DIMENSIONS",
            "COTE",
            "COTES",
            "COTATION",
            "BEMASSUNG",
            "TEXT",
            "TEXTE",
            "TXT",
            "NOTE",
            "NOTES",
            "SYMB",
            "TTLB",
            "TITLE",
            "FURN",
            "MOBILIER",
            "MOBEL",
            "EQPM",
            "GRID",
            "AXES",
            "DEFPOINTS",
            "VPORT",
            "VIEWPORT",
            "ELEV",
            "SECT",
            "STRS",
            "STAIR",
            "STAIRS",
            "ESCALIER",
            "TREPPE",
            "CLNG",
            "LITE",
            "ELEC",
            "PLMB",
            "HVAC",
            "MECH",
        ],
        Role::Ignore,
    ),
    (
        &["IDEN", "NAME", "NAMES", "LABEL", "LABELS", "NOM"],
        Role::Label,
    ),
    (
        &["DOOR", "DOORS", "PORTE", "PORTES", "TUR", "TUREN", "TUER"],
        Role::Wall(WallKind::Door),
    ),
    (
        &["GLASS", "VITRAGE", "VERRE", "GLAS", "CURT", "VITRINE"],
        Role::Wall(WallKind::Glass),
    ),
    (
        &[
            "GLAZ", "WIND", "WINDOW", "WINDOWS", "FENETRE", "FENETRES", "FENSTER", "BAIE", "BAIES",
        ],
        Role::Wall(WallKind::Window),
    ),
    (
        &[
            "HRAL",
            "RAIL",
            "RAILING",
            "RAILINGS",
            "GARDE-CORPS",
            "GARDECORPS",
            "BALUSTRADE",
            "GELANDER",
        ],
        Role::Wall(WallKind::Railing),
    ),
    (
        &[
            "AREA", "AREAS", "ROOM", "ROOMS", "SPACE", "SPACES", "ZONE", "ZONES", "PIECE",
            "PIECES", "LOCAL", "LOCAUX", "SALLE", "SALLES", "RAUM", "RAUME",
        ],
        Role::Zone(ZoneKind::Room),
    ),
    (
        &["ASSET", "ASSETS", "CASE", "CASES", "DISPLAY"],
        Role::Zone(ZoneKind::Asset),
    ),
    (
        &["EXTERIOR", "EXTERIEUR", "SITE", "PARVIS", "QUAI"],
        Role::Zone(ZoneKind::Exterior),
    ),
    (
        &[
            "WALL",
            "WALLS",
            "MUR",
            "MURS",
            "WAND",
            "WANDE",
            "COLS",
            "COLUMN",
            "COLUMNS",
            "POTEAU",
            "POTEAUX",
            "CLOISON",
            "CLOISONS",
            "PARTITION",
            "PARTITIONS",
            "STUTZE",
        ],
        Role::Wall(WallKind::Wall),
    ),
];

/// The role a layer name suggests, if any: its words (split at `-`, `_`, `.`,
/// `$`, `|` and spaces, accents dropped) against lists of common names.
/// `A-WALL` → wall, `A-WALL-PATT` → ignore (hatching), `A-DOOR` → door,
/// `A-GLAZ` → window, `A-AREA` → room, `A-AREA-IDEN` → label.
pub fn guess_role(layer: &str) -> Option<Role> {
    let words: Vec<String> = layer
        .split(|c: char| "-_.$| ".contains(c))
        .filter(|w| !w.is_empty())
        .map(unaccented_upper)
        .collect();
    let whole = unaccented_upper(layer);
    WORDS.iter().find_map(|(names, role)| {
        names
            .iter()
            .any(|n| words.iter().any(|w| w == n) || whole == *n)
            .then_some(*role)
    })
}

fn unaccented_upper(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' | 'À' | 'Á' | 'Â' | 'Ä' => 'A',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'E',
            'î' | 'ï' | 'Î' | 'Ï' => 'I',
            'ô' | 'ö' | 'Ô' | 'Ö' => 'O',
            'ù' | 'û' | 'ü' | 'Ù' | 'Û' | 'Ü' => 'U',
            'ç' | 'Ç' => 'C',
            other => other.to_ascii_uppercase(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aia_names_and_common_words() {
        let cases = [
            ("A-WALL", "wall"),
            ("A-WALL-FULL", "wall"),
            ("A-WALL-PATT", "ignore"),
            ("A-DOOR", "door"),
            ("A-GLAZ", "window"),
            ("A-GLAZ-CURT", "glass"),
            ("A-AREA", "room"),
            ("A-AREA-IDEN", "label"),
            ("A-FLOR-HRAL", "railing"),
            ("A-ANNO-TEXT", "ignore"),
            ("S-COLS", "wall"),
            ("Murs porteurs", "wall"),
            ("Fenêtres", "window"),
            ("Türen", "door"),
            ("walls", "wall"),
        ];
        for (layer, role) in cases {
            assert_eq!(guess_role(layer).map(Role::name), Some(role), "{layer}");
        }
        assert_eq!(guess_role("0"), None);
        assert_eq!(guess_role("Layer 7"), None);
    }

    #[test]
    fn mappings_parse_and_match() {
        let m = Mapping::parse("wall=A-WALL, wall=S-COLS*,door=a-door,zone=A-AREA").unwrap();
        assert_eq!(m.role_of("a-wall"), Some(Role::Wall(WallKind::Wall)));
        assert_eq!(m.role_of("S-COLS-CONC"), Some(Role::Wall(WallKind::Wall)));
        assert_eq!(m.role_of("A-DOOR"), Some(Role::Wall(WallKind::Door)));
        assert_eq!(m.role_of("A-AREA"), Some(Role::Zone(ZoneKind::Room)));
        assert_eq!(m.role_of("A-GLAZ"), None);
        assert_eq!(
            m.unmatched(&["A-WALL", "A-DOOR"]),
            vec!["S-COLS*", "A-AREA"]
        );
        let err = Mapping::parse("walls=A-WALL").unwrap_err();
        assert!(err.contains("unknown role \"walls\""), "{err}");
        assert!(
            Mapping::parse("A-WALL")
                .unwrap_err()
                .contains("expected role=LAYER")
        );
    }
}
