//! A tiny writer of XML and HTML markup that escapes everything it is given.
//!
//! The documents (the SVG drawing and the HTML report) are written through this
//! one writer so that no text from a scenario can ever become markup: element
//! and attribute names are `&'static str` (ours, never the file's), every
//! attribute value and every text node is escaped, and characters XML 1.0 forbids
//! (most C0 controls, which JSON strings may hold) are replaced by U+FFFD so a
//! strict XML parser such as librsvg's still reads the SVG.
//!
//! Chosen over the `svg` crate because the same writer serves the HTML report
//! (whose void elements and end tags follow HTML rules, not XML's), it is about a
//! hundred lines, and its escaping rules are ours to test.

use std::fmt::Write;

/// Which markup rules apply when an element has no content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// `<rect/>`: used for SVG (also inside HTML, where SVG is foreign content
    /// and self-closing tags are honoured).
    Xml,
    /// `<meta>` for void elements, `<div></div>` for the rest.
    Html,
}

/// HTML elements that never have content or an end tag.
const HTML_VOID: &[&str] = &["br", "col", "hr", "img", "input", "link", "meta", "wbr"];

/// Markup being written. Start an element with [`Markup::open`], add
/// attributes with [`Markup::attr`], content with [`Markup::text`] or nested
/// elements, and finish it with [`Markup::close`].
#[derive(Debug)]
pub struct Markup {
    out: String,
    dialect: Dialect,
    /// Elements opened and not yet closed.
    stack: Vec<&'static str>,
    /// The start tag of the innermost element is still open (`<tag attr="…"`).
    in_tag: bool,
}

impl Markup {
    /// An empty document in `dialect`.
    pub fn new(dialect: Dialect) -> Markup {
        Markup {
            out: String::new(),
            dialect,
            stack: Vec::new(),
            in_tag: false,
        }
    }

    fn end_start_tag(&mut self) {
        if self.in_tag {
            self.out.push('>');
            self.in_tag = false;
        }
    }

    /// Starts element `name`.
    pub fn open(&mut self, name: &'static str) -> &mut Self {
        self.end_start_tag();
        self.out.push('<');
        self.out.push_str(name);
        self.stack.push(name);
        self.in_tag = true;
        self
    }

    /// Adds an attribute to the element just opened (before any content).
    pub fn attr(&mut self, name: &'static str, value: impl AttrValue) -> &mut Self {
        debug_assert!(self.in_tag, "attribute {name} after the start tag");
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        value.write_escaped(&mut self.out);
        self.out.push('"');
        self
    }

    /// Adds an attribute when `value` is `Some`.
    pub fn attr_opt(&mut self, name: &'static str, value: Option<impl AttrValue>) -> &mut Self {
        if let Some(v) = value {
            self.attr(name, v);
        }
        self
    }

    /// Adds escaped text to the current element.
    pub fn text(&mut self, text: &str) -> &mut Self {
        self.end_start_tag();
        escape_into(&mut self.out, text, false);
        self
    }

    /// Adds markup written by this crate (a stylesheet, a drawing made with
    /// another `Markup`). Never pass text from a scenario here.
    pub fn trusted(&mut self, markup: &str) -> &mut Self {
        self.end_start_tag();
        self.out.push_str(markup);
        self
    }

    /// Ends the innermost open element.
    pub fn close(&mut self) -> &mut Self {
        let Some(name) = self.stack.pop() else {
            debug_assert!(false, "close without an open element");
            return self;
        };
        if self.in_tag {
            self.in_tag = false;
            match self.dialect {
                Dialect::Xml => self.out.push_str("/>"),
                Dialect::Html if HTML_VOID.contains(&name) => self.out.push('>'),
                Dialect::Html => {
                    let _ = write!(self.out, "></{name}>");
                }
            }
        } else {
            let _ = write!(self.out, "</{name}>");
        }
        self
    }

    /// An element holding only `text`: `<name>text</name>`.
    pub fn element(&mut self, name: &'static str, text: &str) -> &mut Self {
        self.open(name).text(text).close()
    }

    /// A line break in the source (for people reading the file).
    pub fn newline(&mut self) -> &mut Self {
        self.end_start_tag();
        self.out.push('\n');
        self
    }

    /// The markup written, with every element closed.
    pub fn finish(mut self) -> String {
        while !self.stack.is_empty() {
            self.close();
        }
        self.out
    }
}

/// A value that can be written as an attribute.
pub trait AttrValue {
    /// Appends the value, escaped for a double-quoted attribute.
    fn write_escaped(&self, out: &mut String);
}

impl AttrValue for &str {
    fn write_escaped(&self, out: &mut String) {
        escape_into(out, self, true);
    }
}

impl AttrValue for String {
    fn write_escaped(&self, out: &mut String) {
        escape_into(out, self, true);
    }
}

impl AttrValue for &String {
    fn write_escaped(&self, out: &mut String) {
        escape_into(out, self, true);
    }
}

impl AttrValue for f64 {
    fn write_escaped(&self, out: &mut String) {
        out.push_str(&num(*self));
    }
}

impl AttrValue for usize {
    fn write_escaped(&self, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}

/// A number for markup: at most three decimals, no trailing zeros, no `-0`.
/// Drawing units are millimetres or pixels, so a thousandth is below any
/// printer's or screen's resolution.
pub fn num(x: f64) -> String {
    debug_assert!(x.is_finite(), "non-finite number in markup");
    let mut s = format!("{:.3}", x);
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    if s == "-0" { "0".to_string() } else { s }
}

/// True for characters XML 1.0 does not allow anywhere, even escaped.
fn forbidden_in_xml(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// Appends `text` escaped: `&`, `<`, `>` always, quotes in attributes, and
/// forbidden characters replaced by U+FFFD.
pub fn escape_into(out: &mut String, text: &str, attribute: bool) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\'' if attribute => out.push_str("&#39;"),
            // Kept as written in text; in attributes a raw newline would be
            // normalised to a space by XML parsers, so keep it visible.
            '\n' | '\r' | '\t' if attribute => {
                let _ = write!(out, "&#{};", c as u32);
            }
            c if forbidden_in_xml(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

/// `text` escaped for element content.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text, false);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        let mut m = Markup::new(Dialect::Xml);
        m.open("text")
            .attr("data-name", "a\"b'<c>&")
            .text("<script>alert('x')</script> & co")
            .close();
        assert_eq!(
            m.finish(),
            "<text data-name=\"a&quot;b&#39;&lt;c&gt;&amp;\">&lt;script&gt;alert('x')&lt;/script&gt; &amp; co</text>"
        );
    }

    #[test]
    fn forbidden_control_characters_become_replacement_characters() {
        assert_eq!(escape("a\u{1}b\u{1F}c\td\ne"), "a\u{FFFD}b\u{FFFD}c\td\ne");
    }

    #[test]
    fn empty_elements_follow_the_dialect() {
        let mut xml = Markup::new(Dialect::Xml);
        xml.open("g").open("rect").attr("x", 1.5).close().close();
        assert_eq!(xml.finish(), "<g><rect x=\"1.5\"/></g>");

        let mut html = Markup::new(Dialect::Html);
        html.open("div")
            .open("meta")
            .attr("charset", "utf-8")
            .close();
        html.open("span").close().close();
        assert_eq!(
            html.finish(),
            "<div><meta charset=\"utf-8\"><span></span></div>"
        );
    }

    #[test]
    fn numbers_are_short_and_never_negative_zero() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(2.5), "2.5");
        assert_eq!(num(-0.0001), "0");
        assert_eq!(num(1.23456), "1.235");
        assert_eq!(num(-12.3), "-12.3");
    }

    #[test]
    fn finish_closes_what_is_open() {
        let mut m = Markup::new(Dialect::Html);
        m.open("p").text("x");
        assert_eq!(m.finish(), "<p>x</p>");
    }
}
