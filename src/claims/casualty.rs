//! Casualty figures: people killed, dead, wounded, injured, executed, assassinated or
//! missing, with the outcome the text uses and the people counted (`victims`).
//!
//! Read from a verb or noun before the figure (`killing six American citizens`,
//! `killed up to 17,000 people`, `executed 30,000 political prisoners`, `the bombing
//! killed 72`, `wounded 40`, `assassinated along with six other senior officials`,
//! `the death of 12 protesters`, `the blood of some 17,000 Iranians`, `the death toll
//! rose to 72`), or after it (`at least 30 people were killed`, `three soldiers died`,
//! `12 dead`, `Many hundreds have been killed`, `12 deaths`), and for the figures that a
//! casualty figure goes on to break down (`killing six American citizens, including three
//! military officers and three men hired by …`).

use super::context::{
    Figures, NounPhrase, gapped_noun, in_date, is_person_noun, is_reference, is_stop, noun_phrase,
    qualifier_before,
};
use super::number::{Amount, NumberMatch};
use super::scan::{self, Token};
use super::{Claim, ClaimKind, Outcome};
use crate::span::Span;

/// Verbs (and participles) of harm that take the figure as their object or subject.
const VERBS: &[(&str, Outcome)] = &[
    ("killed", Outcome::Killed),
    ("killing", Outcome::Killed),
    ("kill", Outcome::Killed),
    ("kills", Outcome::Killed),
    ("murdered", Outcome::Killed),
    ("murdering", Outcome::Killed),
    ("slaughtered", Outcome::Killed),
    ("slaughtering", Outcome::Killed),
    ("massacred", Outcome::Killed),
    ("massacring", Outcome::Killed),
    ("slain", Outcome::Killed),
    ("slew", Outcome::Killed),
    ("martyred", Outcome::Killed),
    ("executed", Outcome::Executed),
    ("executing", Outcome::Executed),
    ("execute", Outcome::Executed),
    ("executes", Outcome::Executed),
    ("hanged", Outcome::Executed),
    ("assassinated", Outcome::Assassinated),
    ("assassinating", Outcome::Assassinated),
    ("wounded", Outcome::Wounded),
    ("wounding", Outcome::Wounded),
    ("injured", Outcome::Injured),
    ("injuring", Outcome::Injured),
    ("hurt", Outcome::Injured),
    ("died", Outcome::Dead),
    ("dead", Outcome::Dead),
    ("perished", Outcome::Dead),
    ("missing", Outcome::Missing),
    ("disappeared", Outcome::Missing),
];

/// Nouns of harm followed by `of` and the figure: `the deaths of 12`.
const NOUNS: &[(&str, Outcome)] = &[
    ("death", Outcome::Dead),
    ("deaths", Outcome::Dead),
    ("killing", Outcome::Killed),
    ("killings", Outcome::Killed),
    ("murder", Outcome::Killed),
    ("murders", Outcome::Killed),
    ("massacre", Outcome::Killed),
    ("massacres", Outcome::Killed),
    ("slaughter", Outcome::Killed),
    ("blood", Outcome::Killed),
    ("execution", Outcome::Executed),
    ("executions", Outcome::Executed),
    ("hanging", Outcome::Executed),
    ("hangings", Outcome::Executed),
    ("assassination", Outcome::Assassinated),
    ("assassinations", Outcome::Assassinated),
    ("disappearance", Outcome::Missing),
    ("disappearances", Outcome::Missing),
];

/// Nouns that are themselves the casualty count: `12 deaths`, `120,000 martyrs`.
const HEADS: &[(&str, Outcome)] = &[
    ("deaths", Outcome::Dead),
    ("fatalities", Outcome::Dead),
    ("dead", Outcome::Dead),
    ("martyrs", Outcome::Killed),
    ("killings", Outcome::Killed),
    ("murders", Outcome::Killed),
    ("executions", Outcome::Executed),
    ("hangings", Outcome::Executed),
    ("assassinations", Outcome::Assassinated),
    ("injuries", Outcome::Injured),
    ("disappearances", Outcome::Missing),
];

/// The other words without which no figure is a casualty figure: `gunned down`, `the
/// lives of`, `lost their lives`, `casualty toll` (`shot dead` and `put to death` need a
/// word of the tables too).
const OTHER_CUES: &[&str] = &["gunned", "lives", "casualty"];

/// The words of which a sentence needs one (as a whole word, in any case) to hold a
/// casualty figure: every outcome comes from one of them. The recogniser is skipped for
/// the sentences with none.
pub(crate) fn cue_words() -> impl Iterator<Item = &'static str> {
    VERBS
        .iter()
        .chain(NOUNS)
        .chain(HEADS)
        .map(|&(w, _)| w)
        .chain(OTHER_CUES.iter().copied())
}

fn lookup(table: &[(&str, Outcome)], w: &str) -> Option<Outcome> {
    table.iter().find(|&&(k, _)| k == w).map(|&(_, o)| o)
}

/// A verb (or participle) of harm that takes the figure as its object or subject.
fn verb_outcome(w: &str) -> Option<Outcome> {
    lookup(VERBS, w)
}

/// A noun of harm followed by `of` and the figure: `the deaths of 12`.
fn noun_outcome(w: &str) -> Option<Outcome> {
    lookup(NOUNS, w)
}

fn lower<'b>(t: Token, text: &'b str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    scan::lower(t.text(text), buf)
}

/// The outcome of a trigger before `start` (the start of the figure with its qualifier).
fn trigger_before(f: &Figures<'_, '_>, start: usize) -> Option<Outcome> {
    let text = f.text;
    let mut at = start;
    for _ in 0..4 {
        let p = f.prev(at).filter(Token::is_word)?;
        let mut buf = [0u8; 24];
        let w = lower(p, text, &mut buf)?;
        if let Some(o) = verb_outcome(w) {
            if w == "dead" && f.prev_is(p.span.start, "shot").is_some() {
                return Some(Outcome::Killed); // `shot dead 3 protesters`
            }
            if o == Outcome::Dead || o == Outcome::Missing {
                return None; // `died 12` is not English; `dead 12` neither
            }
            return Some(o);
        }
        if w == "down" && f.prev_is(p.span.start, "gunned").is_some() {
            return Some(Outcome::Killed);
        }
        match w {
            "of" => {
                let pp = f.prev(p.span.start).filter(Token::is_word)?;
                let mut b2 = [0u8; 24];
                let pw = lower(pp, text, &mut b2)?;
                if let Some(o) = noun_outcome(pw) {
                    return Some(o);
                }
                if pw == "toll" {
                    return death_toll(f, pp).then_some(Outcome::Dead);
                }
                if pw == "lives" {
                    // `claimed the lives of 300`, `took the lives of`, `cost the lives of`
                    let mut k = pp.span.start;
                    for _ in 0..2 {
                        let v = f.prev(k).filter(Token::is_word)?;
                        let mut b3 = [0u8; 24];
                        match lower(v, text, &mut b3)? {
                            "claimed" | "claiming" | "took" | "taking" | "cost" | "costing"
                            | "ended" => {
                                return Some(Outcome::Killed);
                            }
                            "the" => k = v.span.start,
                            _ => return None,
                        }
                    }
                    return None;
                }
                if pw == "total" {
                    at = pp.span.start; // `a total of`
                    continue;
                }
                return None;
            }
            "to" | "at" | "reached" | "hit" | "topped" | "passed" | "exceeded" => {
                if toll_before(f, p) {
                    return Some(Outcome::Dead);
                }
                return number_of_harmed(f, p);
            }
            "with" => {
                // `along with`, `together with`; a bare `with` is no link (`with 3 bullets`).
                let a = f
                    .prev(p.span.start)
                    .filter(|a| a.is(text, "along") || a.is(text, "together"))?;
                at = a.span.start;
            }
            "and" => {
                // `killed his wife and two children`, `killing a policeman and 3 civilians`.
                return coordinated_object(f, p);
            }
            "another" | "an" | "a" | "additional" | "further" | "the" | "all" | "his" | "her"
            | "their" | "its" | "total" | "least" | "also" | "reportedly" | "allegedly" => {
                at = p.span.start;
            }
            _ => return None,
        }
    }
    None
}

/// The verb of harm whose first object comes before `and`: `killed his wife and`.
fn coordinated_object(f: &Figures<'_, '_>, and: Token) -> Option<Outcome> {
    let text = f.text;
    let mut at = and.span.start;
    for k in 0..4 {
        let q = f.prev(at).filter(Token::is_word)?;
        let mut buf = [0u8; 24];
        let w = lower(q, text, &mut buf)?;
        if let Some(o) = verb_outcome(w) {
            // An object must come between: `killed and 10 wounded` is no object.
            return (k > 0 && o != Outcome::Dead && o != Outcome::Missing).then_some(o);
        }
        // `the deaths of actress Ann Lee and four of her friends`
        if w == "of" && k > 0 {
            let mut b2 = [0u8; 24];
            if let Some(o) = f
                .prev(q.span.start)
                .filter(Token::is_word)
                .and_then(|n| lower(n, text, &mut b2))
                .and_then(noun_outcome)
            {
                return Some(o);
            }
        }
        let det = matches!(
            w,
            "a" | "an" | "the" | "his" | "her" | "their" | "its" | "our" | "two" | "one"
        );
        if !det && (is_stop(w) || w.starts_with(|c: char| c.is_ascii_digit())) {
            return None;
        }
        at = q.span.start;
    }
    None
}

/// `death toll` ending at the token `toll`.
fn death_toll(f: &Figures<'_, '_>, toll: Token) -> bool {
    f.prev(toll.span.start)
        .is_some_and(|d| d.is(f.text, "death") || d.is(f.text, "casualty"))
}

/// `the death toll rose to`, `the death toll stands at`: from the word before the figure
/// back to `toll`.
fn toll_before(f: &Figures<'_, '_>, from: Token) -> bool {
    let mut at = from.span.start;
    for _ in 0..4 {
        let Some(p) = f.prev(at).filter(Token::is_word) else {
            return false;
        };
        if p.is(f.text, "toll") {
            return death_toll(f, p);
        }
        let mut buf = [0u8; 24];
        let w = lower(p, f.text, &mut buf).unwrap_or("");
        if !matches!(
            w,
            "rose"
                | "risen"
                | "rises"
                | "has"
                | "have"
                | "had"
                | "climbed"
                | "climbs"
                | "jumped"
                | "increased"
                | "stands"
                | "stood"
                | "is"
                | "was"
                | "now"
                | "reached"
                | "hit"
                | "up"
                | "officially"
                | "final"
        ) {
            return at != from.span.start && toll_with_phrase(f, p);
        }
        at = p.span.start;
    }
    false
}

/// `the death toll from the quake has risen to`, `the death toll in Aceh stands at`: a
/// short phrase of words ending at `last`, opened by a preposition right after `death
/// toll`.
fn toll_with_phrase(f: &Figures<'_, '_>, last: Token) -> bool {
    let mut at = last.span.start;
    let mut prep = false;
    for _ in 0..7 {
        let Some(p) = f.prev(at).filter(Token::is_word) else {
            return false;
        };
        if p.is(f.text, "toll") {
            return prep && death_toll(f, p);
        }
        prep = ["from", "in", "after", "since", "among"]
            .iter()
            .any(|w| p.is(f.text, w));
        at = p.span.start;
    }
    false
}

/// `the number of Britons dead or missing has reached 440`, `the number of people killed
/// rose to 72`: a count of the harmed before a verb of reaching (ending at `from`, the
/// word before the figure). The outcome is the first word of harm after `number of`.
fn number_of_harmed(f: &Figures<'_, '_>, from: Token) -> Option<Outcome> {
    let text = f.text;
    // The verb of reaching, with its auxiliaries: `has reached`, `rose to`, `stands at`.
    let mut at = from.span.start;
    let mut verb = matches!(
        lower(from, text, &mut [0u8; 24]),
        Some("reached" | "hit" | "topped" | "passed" | "exceeded")
    );
    for _ in 0..3 {
        let Some(p) = f.prev(at).filter(Token::is_word) else {
            break;
        };
        let mut buf = [0u8; 24];
        match lower(p, text, &mut buf) {
            Some(
                "rose" | "risen" | "rises" | "climbed" | "jumped" | "increased" | "stands"
                | "stood" | "reached" | "hit",
            ) => verb = true,
            Some("has" | "have" | "had" | "now" | "is" | "was" | "are" | "were") => {}
            _ => break,
        }
        at = p.span.start;
    }
    if !verb {
        return None;
    }
    // Back to `number of`, within a few words; the word of harm after it.
    let mut outcome = None;
    for _ in 0..10 {
        let p = f.prev(at).filter(Token::is_word)?;
        let mut buf = [0u8; 24];
        let w = lower(p, text, &mut buf)?;
        if w == "of" {
            return f.prev_is(p.span.start, "number").and(outcome);
        }
        if let Some(o) = verb_outcome(w).or_else(|| head_outcome(w)) {
            outcome = Some(o);
        }
        at = p.span.start;
    }
    None
}

/// Words between a figure (or its noun phrase) and a verb of harm after it.
fn is_aux(w: &str) -> bool {
    matches!(
        w,
        "were"
            | "was"
            | "are"
            | "is"
            | "have"
            | "has"
            | "had"
            | "been"
            | "being"
            | "be"
            | "got"
            | "reportedly"
            | "allegedly"
            | "reported"
            | "believed"
            | "feared"
            | "thought"
            | "said"
            | "confirmed"
            | "later"
            | "also"
            | "all"
            | "both"
            | "subsequently"
            | "eventually"
            | "then"
            | "to"
            | "who"
            | "that"
            | "since"
            | "already"
            | "now"
            | "either"
            | "apparently"
            | "presumably"
            | "likely"
            | "known"
            | "officially"
            | "still"
            | "remain"
            | "remained"
            | "remains"
            | "listed"
            | "as"
            | "left"
    )
}

/// The outcome of a verb after the figure ending at `end` (past its noun phrase), within
/// a few words; `and 12 civilians` in between is skipped (`30 soldiers and 12 civilians
/// were killed`).
fn trigger_after(f: &Figures<'_, '_>, mut at: usize) -> Option<Outcome> {
    let text = f.text;
    let mut pp_skipped = false;
    let mut seen_aux = false;
    let mut relative = false;
    for _ in 0..10 {
        let t = f.next(at)?;
        if !t.is_word() {
            // `12 people, including four children, died`: skip the aside.
            if t.is_char(text, ',') || t.is_char(text, '(') {
                let inc = f.next(t.span.end)?;
                if inc.is(text, "including")
                    || inc.is(text, "among")
                    || inc.is(text, "mostly")
                    || inc.is(text, "mainly")
                {
                    at = end_of_aside(f, inc.span.end)?;
                    continue;
                }
            }
            // `men, women and children died`: skip a list of nouns.
            if t.is_char(text, ',') {
                if let Some(np) = noun_phrase(f, t.span.end, false).filter(|np| np.plural) {
                    if f.next(np.span.end).is_some_and(|x| {
                        x.is_char(text, ',') || x.is(text, "and") || x.is(text, "or")
                    }) && is_person_noun(&text[np.unit])
                    {
                        at = np.span.end;
                        continue;
                    }
                }
            }
            return None;
        }
        let mut buf = [0u8; 24];
        let w = lower(t, text, &mut buf)?;
        if let Some(o) = verb_outcome(w) {
            // `2 in the final dead rubber`: after a skipped phrase, the adjectives need an
            // auxiliary (`were dead`); a verb does not (`three people from Fife died`).
            if pp_skipped && !seen_aux && matches!(w, "dead" | "missing") {
                return None;
            }
            // `three soldiers killed two civilians`, `a fire that killed 25`: the figure
            // is who did it, unless a passive auxiliary came first.
            if !seen_aux && is_transitive(w) && has_object(f, t.span.end) {
                return None;
            }
            if relative && !seen_aux && is_transitive(w) {
                return None;
            }
            return Some(o);
        }
        // `were shot dead`, `were gunned down`, `were put to death`
        if w == "shot" && f.next_is(t.span.end, "dead").is_some()
            || w == "gunned" && f.next_is(t.span.end, "down").is_some()
        {
            return (seen_aux || !has_object(f, t.span.end)).then_some(Outcome::Killed);
        }
        // `were put to death`, `were crushed to death`, `was stabbed to death`
        if f.next_is(t.span.end, "to")
            .and_then(|x| f.next_is(x.span.end, "death"))
            .is_some()
        {
            let o = if w == "put" {
                Outcome::Executed
            } else {
                Outcome::Killed
            };
            return seen_aux.then_some(o);
        }
        // `were slightly injured`, `were critically wounded`: an adverb.
        if w.len() > 4 && w.ends_with("ly") && !is_stop(w) {
            at = t.span.end;
            continue;
        }
        if w == "lost"
            && f.next_is(t.span.end, "their")
                .and_then(|x| f.next_is(x.span.end, "lives"))
                .is_some()
        {
            return Some(Outcome::Dead);
        }
        if w == "and" || w == "or" {
            // Skip `and 12 civilians`, `and sympathisers`.
            let s = scan::skip_space(text, t.span.end, f.hi);
            if let Some(n) = f.number_at(s) {
                at = noun_phrase(f, n.span.end, false).map_or(n.span.end, |np| np.span.end);
                continue;
            }
            let np = noun_phrase(f, t.span.end, false).filter(|np| np.plural)?;
            at = np.span.end;
            continue;
        }
        if matches!(
            w,
            "in" | "of"
                | "across"
                | "from"
                | "at"
                | "on"
                | "near"
                | "inside"
                | "throughout"
                | "around"
        ) && !pp_skipped
        {
            // `150,000 people across the region are feared dead`: one short place phrase.
            pp_skipped = true;
            at = end_of_place(f, t.span.end)?;
            continue;
        }
        if !is_aux(w) {
            return None;
        }
        if matches!(w, "who" | "that" | "which") {
            relative = true;
        } else if !matches!(
            w,
            "reportedly"
                | "allegedly"
                | "later"
                | "also"
                | "all"
                | "both"
                | "then"
                | "since"
                | "already"
                | "now"
                | "still"
        ) {
            seen_aux = true;
        }
        at = t.span.end;
    }
    None
}

/// Verbs whose subject is the killer, not the killed, when active.
fn is_transitive(w: &str) -> bool {
    !matches!(
        w,
        "died" | "dead" | "perished" | "missing" | "disappeared" | "slain"
    )
}

/// Does an object follow the verb ending at `end` (`killed two civilians`, `killed him`)?
fn has_object(f: &Figures<'_, '_>, end: usize) -> bool {
    let Some(t) = f.next(end) else { return false };
    if !t.is_word() {
        return false;
    }
    let mut buf = [0u8; 24];
    let w = lower(t, f.text, &mut buf).unwrap_or("");
    if matches!(
        w,
        "him"
            | "her"
            | "them"
            | "themselves"
            | "himself"
            | "herself"
            | "the"
            | "a"
            | "an"
            | "his"
            | "their"
            | "its"
            | "at"
            | "up"
            | "some"
            | "more"
            | "over"
            | "nearly"
            | "about"
            | "around"
    ) {
        return true;
    }
    !is_stop(w)
        && (w.starts_with(|c: char| c.is_ascii_digit())
            || super::number::is_number_word(w)
            || is_person_noun(t.text(f.text)))
}

/// The end of a short place phrase after a preposition (`the region`, `one of China's top
/// banks`): words that are no verb, auxiliary or clause link, at most six.
fn end_of_place(f: &Figures<'_, '_>, from: usize) -> Option<usize> {
    let mut at = from;
    let mut words = 0;
    while words < 6 {
        let Some(t) = f.next(at).filter(Token::is_word) else {
            break;
        };
        let mut buf = [0u8; 24];
        let w = lower(t, f.text, &mut buf).unwrap_or("");
        if is_aux(w)
            || verb_outcome(w).is_some()
            || matches!(w, "and" | "or" | "but" | "who" | "which" | "that" | "when")
        {
            break;
        }
        at = t.span.end;
        words += 1;
    }
    (words > 0).then_some(at)
}

/// The end of an aside that starts at `from` (after `, including`): its closing comma or
/// bracket, within a few words.
fn end_of_aside(f: &Figures<'_, '_>, from: usize) -> Option<usize> {
    let mut at = from;
    for _ in 0..8 {
        let t = f.next(at)?;
        if t.is_char(f.text, ',') || t.is_char(f.text, ')') {
            return Some(t.span.end);
        }
        if !t.is_word() {
            return None;
        }
        at = t.span.end;
    }
    None
}

/// A noun that is itself the casualty count.
fn head_outcome(w: &str) -> Option<Outcome> {
    lookup(HEADS, w)
}

/// A verb that takes lives right before `start`: `claimed 72 lives`, `cost some 300 lives`.
fn takes_lives(f: &Figures<'_, '_>, start: usize) -> bool {
    let mut buf = [0u8; 24];
    f.prev(start)
        .filter(Token::is_word)
        .and_then(|v| lower(v, f.text, &mut buf))
        .is_some_and(|w| {
            matches!(
                w,
                "claimed"
                    | "claiming"
                    | "claims"
                    | "took"
                    | "taking"
                    | "takes"
                    | "cost"
                    | "costing"
                    | "costs"
            )
        })
}

/// Words that may stand between a casualty figure and the figures that break it down.
fn is_breakdown_link(t: Token, text: &str) -> bool {
    if t.is_char(text, ',')
        || t.is_char(text, ':')
        || t.is_char(text, '(')
        || t.is_char(text, '–')
        || t.is_char(text, '—')
    {
        return true;
    }
    let mut buf = [0u8; 24];
    matches!(
        scan::lower(t.text(text), &mut buf),
        Some(
            "including"
                | "and"
                | "among"
                | "them"
                | "whom"
                | "of"
                | "as"
                | "well"
                | "plus"
                | "another"
                | "mostly"
                | "mainly"
                | "while"
        )
    )
}

/// Pushes the casualty claims of the sentence.
pub(crate) fn find<'t>(f: &Figures<'t, '_>, out: &mut Vec<Claim<'t>>) {
    let text = f.text;
    // The last casualty figure: its outcome and where its phrase ends.
    let mut last: Option<(Outcome, usize)> = None;
    for n in &f.nums {
        if !countable(f, n) {
            continue;
        }
        let (fig_start, qualifier) = match qualifier_before(f, n.span.start) {
            Some((s, q)) => (s, Some(q)),
            None => (n.span.start, None),
        };
        // `one of China's banks`: the pronoun, not a count.
        if n.amount.exact() == Some(1.into()) && f.next_is(n.span.end, "of").is_some() {
            continue;
        }
        let allow_of = matches!(n.amount, Amount::Vague { .. });
        let np = noun_phrase(f, n.span.end, allow_of);
        let mut np_end = np.map_or(n.span.end, |p| p.span.end);
        // `eight others were killed`, `three more died`
        if np.is_none() {
            if let Some(o) = f
                .next(n.span.end)
                .filter(|o| o.is(text, "others") || o.is(text, "more"))
            {
                np_end = o.span.end;
            }
        }
        // `1,300 of them were killed`
        if np.is_none() {
            if let Some(of) = f.next_is(n.span.end, "of") {
                if let Some(pr) = f.next(of.span.end).filter(|t| {
                    t.is(text, "them")
                        || t.is(text, "those")
                        || t.is(text, "these")
                        || t.is(text, "us")
                        || t.is(text, "whom")
                }) {
                    np_end = pr.span.end;
                }
            }
        }
        let mut victims: Option<NounPhrase> = np.filter(|p| p.plural);
        let mut outcome = None;
        if let Some(p) = victims {
            let mut buf = [0u8; 24];
            let unit = scan::lower(&text[p.unit], &mut buf);
            if let Some(o) = unit.and_then(head_outcome) {
                // `12 deaths`: the noun is the outcome, and counts no one in particular.
                outcome = Some(o);
                victims = None;
            } else if unit == Some("lives") && takes_lives(f, fig_start) {
                // `the bombing claimed 72 lives`; not `saved 72 lives`.
                outcome = Some(Outcome::Killed);
                victims = None;
            } else if !is_person_noun(&text[p.unit]) {
                // Only people are casualties: not `6.5 million animals`, `1.5 million posts`.
                continue;
            }
        }
        // A verb right after the figure is the surest sign (`killed and 10 wounded`).
        if outcome.is_none() {
            outcome = trigger_after(f, np_end);
        }
        if outcome.is_none() {
            outcome = trigger_before(f, fig_start);
        }
        if outcome.is_none() {
            // A breakdown of the last casualty figure.
            if let Some((o, end)) = last {
                if end <= fig_start && links_only(f, end, fig_start) {
                    outcome = Some(o);
                }
            }
        }
        let Some(outcome) = outcome else { continue };
        let mut c = f.claim(
            ClaimKind::Casualty,
            Span::new(fig_start, n.span.end),
            n.amount,
        );
        c.qualifier = qualifier;
        c.outcome = Some(outcome);
        // `191 people were killed and more than 2,000 injured`: the noun is shared.
        if victims.is_none() && np.is_none() {
            victims = gapped_noun(f, fig_start, n.span.end);
            // `killing 91 foxes - only four were killed`: a figure with no noun counts
            // what the figure before it counts; not people, no casualty.
            if victims.is_none() && counts_things_before(f, fig_start) {
                continue;
            }
        }
        c.victims = victims.map(|p| text[p.span].into());
        out.push(c);
        last = Some((outcome, np_end));
    }
}

/// The figure before `start` in the sentence counts a plural that is not people.
fn counts_things_before(f: &Figures<'_, '_>, start: usize) -> bool {
    let Some(prev) = f.last_number_before(start) else {
        return false;
    };
    let allow_of = matches!(prev.amount, Amount::Vague { .. });
    noun_phrase(f, prev.span.end, allow_of)
        .is_some_and(|np| np.plural && !is_person_noun(&f.text[np.unit]))
}

/// Only breakdown links (and at least one) between `from` and `to`.
fn links_only(f: &Figures<'_, '_>, from: usize, to: usize) -> bool {
    let mut at = from;
    let mut any = false;
    while let Some(t) = f.next(at) {
        if t.span.start >= to {
            break;
        }
        if !is_breakdown_link(t, f.text) {
            return false;
        }
        any = true;
        at = t.span.end;
    }
    any
}

/// Can this number count people at all?
fn countable(f: &Figures<'_, '_>, n: &NumberMatch<'_>) -> bool {
    if n.form.name_hyphen
        || n.form.pence
        || n.form.signed
        || n.form.fraction
        || n.form.year_like
        || is_reference(f, n)
        || in_date(f, n)
    {
        return false;
    }
    match n.amount {
        Amount::Exact(v) => v.is_integer() || n.form.magnitude > 0,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use crate::claims::testing::{Expect, check_kind};
    use crate::claims::{ClaimKind, Outcome, Qualifier};

    fn casualty(text: &str, want: &[Expect]) {
        check_kind(ClaimKind::Casualty, text, want);
    }

    #[test]
    fn before_the_figure() {
        casualty(
            "found the group guilty of killing six American citizens, including three military officers and three men hired by Rockwell.",
            &[
                Expect::casualty("six", "6", Outcome::Killed, Some("American citizens")),
                Expect::casualty("three", "3", Outcome::Killed, Some("military officers")),
                Expect::casualty("three", "3", Outcome::Killed, Some("men")),
            ],
        );
        casualty(
            "It has the blood of some 17,000 Iranians on its hands.",
            &[
                Expect::casualty("some 17,000", "17000", Outcome::Killed, Some("Iranians"))
                    .qualifier(Qualifier::Approximately),
            ],
        );
        casualty(
            "a campaign that killed up to 17,000 people",
            &[
                Expect::casualty("up to 17,000", "17000", Outcome::Killed, Some("people"))
                    .qualifier(Qualifier::AtMost),
            ],
        );
        casualty(
            "whom it assassinated along with six other senior officials on August 30, 1981",
            &[Expect::casualty(
                "six",
                "6",
                Outcome::Assassinated,
                Some("senior officials"),
            )],
        );
        casualty(
            "The regime executed 30,000 political prisoners.",
            &[Expect::casualty(
                "30,000",
                "30000",
                Outcome::Executed,
                Some("political prisoners"),
            )],
        );
        casualty(
            "The bombing killed 72.",
            &[Expect::casualty("72", "72", Outcome::Killed, None)],
        );
        casualty(
            "Gunmen wounded 40.",
            &[Expect::casualty("40", "40", Outcome::Wounded, None)],
        );
        casualty(
            "the death of 12 protesters",
            &[Expect::casualty(
                "12",
                "12",
                Outcome::Dead,
                Some("protesters"),
            )],
        );
        casualty(
            "The death toll rose to 72.",
            &[Expect::casualty("72", "72", Outcome::Dead, None)],
        );
        casualty(
            "The death toll from the floods in the north has risen to more than 400.",
            &[
                Expect::casualty("more than 400", "400", Outcome::Dead, None)
                    .qualifier(Qualifier::MoreThan),
            ],
        );
        casualty(
            "The death toll in Aceh now stands at 12,000, officials said.",
            &[Expect::casualty("12,000", "12000", Outcome::Dead, None)],
        );
        // No preposition opens the words between: no link to the toll.
        casualty("The death toll worries officials who sent 40.", &[]);
        casualty(
            "The number of Danes dead or missing in the floods has reached 210.",
            &[Expect::casualty("210", "210", Outcome::Dead, None)],
        );
        casualty(
            "The number of people killed rose to 35.",
            &[Expect::casualty("35", "35", Outcome::Killed, None)],
        );
        casualty("The number of people employed rose to 350.", &[]);
    }

    #[test]
    fn after_the_figure() {
        casualty(
            "At least 30 people were killed.",
            &[
                Expect::casualty("At least 30", "30", Outcome::Killed, Some("people"))
                    .qualifier(Qualifier::AtLeast),
            ],
        );
        casualty(
            "Three soldiers died.",
            &[Expect::casualty(
                "Three",
                "3",
                Outcome::Dead,
                Some("soldiers"),
            )],
        );
        casualty(
            "There were 12 dead.",
            &[Expect::casualty("12", "12", Outcome::Dead, None)],
        );
        casualty(
            "Many hundreds have been killed by the leaders.",
            &[Expect::casualty("Many hundreds", "", Outcome::Killed, None).bounds("100", "1000")],
        );
        casualty(
            "30 soldiers and 12 civilians were killed",
            &[
                Expect::casualty("30", "30", Outcome::Killed, Some("soldiers")),
                Expect::casualty("12", "12", Outcome::Killed, Some("civilians")),
            ],
        );
        casualty(
            "The attack caused 12 deaths.",
            &[Expect::casualty("12", "12", Outcome::Dead, None)],
        );
        casualty(
            "Five people are missing.",
            &[Expect::casualty(
                "Five",
                "5",
                Outcome::Missing,
                Some("people"),
            )],
        );
    }

    #[test]
    fn place_phrase_before_the_verb() {
        // A verb after a place phrase needs no auxiliary; the adjective `dead` does.
        casualty(
            "At least four tourists from Norway died in the fire.",
            &[
                Expect::casualty("At least four", "4", Outcome::Dead, Some("tourists"))
                    .qualifier(Qualifier::AtLeast),
            ],
        );
        casualty(
            "Two men in the village were killed.",
            &[Expect::casualty("Two", "2", Outcome::Killed, Some("men"))],
        );
        casualty(
            "Six climbers on the north face perished.",
            &[Expect::casualty(
                "Six",
                "6",
                Outcome::Dead,
                Some("climbers"),
            )],
        );
        casualty(
            "Nine miners at the pit were dead.",
            &[Expect::casualty("Nine", "9", Outcome::Dead, Some("miners"))],
        );
        casualty("Fish won 6-2 in the final dead rubber.", &[]);
        casualty("He scored 3 in the missing minutes.", &[]);
    }

    #[test]
    fn coordinated_after_a_noun_of_harm() {
        casualty(
            "It recalled the deaths of actress Ann Lee and four of her friends.",
            &[Expect::casualty(
                "four",
                "4",
                Outcome::Dead,
                Some("friends"),
            )],
        );
        casualty(
            "It recalled the life of Ann Lee and four of her films.",
            &[],
        );
    }

    #[test]
    fn lists_and_asides() {
        casualty(
            "Hundreds of men, women and children died in the raid.",
            &[Expect::casualty("Hundreds", "", Outcome::Dead, Some("men")).bounds("100", "1000")],
        );
        casualty(
            "Between 2 and 3 million people, mainly farmers, perished.",
            &[
                Expect::casualty("Between 2 and 3 million", "", Outcome::Dead, Some("people"))
                    .bounds("2000000", "3000000"),
            ],
        );
        casualty(
            "Pilots, cooks and 6 others were killed in the crash.",
            &[Expect::casualty("6", "6", Outcome::Killed, None)],
        );
        casualty(
            "40 fans were crushed to death and 12 were critically injured.",
            &[
                Expect::casualty("40", "40", Outcome::Killed, Some("fans")),
                Expect::casualty("12", "12", Outcome::Injured, Some("fans")),
            ],
        );
    }

    #[test]
    fn idioms() {
        casualty(
            "The quake claimed the lives of 300 people.",
            &[Expect::casualty(
                "300",
                "300",
                Outcome::Killed,
                Some("people"),
            )],
        );
        casualty(
            "Police shot dead 3 protesters.",
            &[Expect::casualty(
                "3",
                "3",
                Outcome::Killed,
                Some("protesters"),
            )],
        );
        casualty(
            "3 protesters were shot dead.",
            &[Expect::casualty(
                "3",
                "3",
                Outcome::Killed,
                Some("protesters"),
            )],
        );
        casualty(
            "30,000 prisoners were put to death.",
            &[Expect::casualty(
                "30,000",
                "30000",
                Outcome::Executed,
                Some("prisoners"),
            )],
        );
        casualty(
            "There were 300 executions last year.",
            &[Expect::casualty("300", "300", Outcome::Executed, None)],
        );
        // Lives taken are a toll; lives saved are not.
        casualty(
            "The bombing claimed 72 lives.",
            &[Expect::casualty("72", "72", Outcome::Killed, None)],
        );
        casualty(
            "The war cost some 300,000 lives.",
            &[
                Expect::casualty("some 300,000", "300000", Outcome::Killed, None)
                    .qualifier(Qualifier::Approximately),
            ],
        );
        casualty("The new rules saved 72 lives.", &[]);
        casualty(
            "Two people were hurt when the car exploded.",
            &[Expect::casualty(
                "Two",
                "2",
                Outcome::Injured,
                Some("people"),
            )],
        );
        casualty(
            "The blast hurt 30 people.",
            &[Expect::casualty(
                "30",
                "30",
                Outcome::Injured,
                Some("people"),
            )],
        );
    }

    #[test]
    fn coordinated() {
        casualty(
            "They killed his wife and two children in 1982.",
            &[Expect::casualty(
                "two",
                "2",
                Outcome::Killed,
                Some("children"),
            )],
        );
        casualty(
            "Two people were killed and 10 wounded.",
            &[
                Expect::casualty("Two", "2", Outcome::Killed, Some("people")),
                // The noun left out of the second clause is the first's.
                Expect::casualty("10", "10", Outcome::Wounded, Some("people")),
            ],
        );
        casualty(
            "In the floods 42 villagers drowned; 17 soldiers were killed and nearly 300 injured.",
            &[
                Expect::casualty("17", "17", Outcome::Killed, Some("soldiers")),
                Expect::casualty("nearly 300", "300", Outcome::Injured, Some("soldiers"))
                    .qualifier(Qualifier::Nearly),
            ],
        );
        casualty(
            "The army killed 150,000 and injured 2,000.",
            &[
                Expect::casualty("150,000", "150000", Outcome::Killed, None),
                Expect::casualty("2,000", "2000", Outcome::Injured, None),
            ],
        );
        casualty(
            "At least 12 people, including four children, died in the blaze.",
            &[
                Expect::casualty("At least 12", "12", Outcome::Dead, Some("people"))
                    .qualifier(Qualifier::AtLeast),
                Expect::casualty("four", "4", Outcome::Dead, Some("children")),
            ],
        );
        casualty(
            "thousands of MEK members and sympathisers were executed",
            &[
                Expect::casualty("thousands", "", Outcome::Executed, Some("MEK members"))
                    .bounds("1000", "10000"),
            ],
        );
    }

    #[test]
    fn not_casualties() {
        casualty("two French hostages in Lebanon kept captive", &[]);
        casualty("He was killed in 2019 with 3 bodyguards nearby.", &[]);
        casualty("Over 300 accounts were tagged.", &[]);
        casualty(
            "Three soldiers killed two civilians.",
            &[Expect::casualty(
                "two",
                "2",
                Outcome::Killed,
                Some("civilians"),
            )],
        );
        casualty(
            "a fire at one cafe that killed 25 people",
            &[Expect::casualty(
                "25",
                "25",
                Outcome::Killed,
                Some("people"),
            )],
        );
        casualty("Seventy search warrants were executed.", &[]);
        casualty("Fish won 6-2 in the final dead rubber.", &[]);
        casualty(
            "It led to the slaughter of 6.5 million animals; 1.5 million posts disappeared.",
            &[],
        );
        casualty("I thank God that no-one got injured.", &[]);
        casualty(
            "Hunts killed 91 foxes - only four were accidentally killed.",
            &[],
        );
    }
}
