//! A small JSON reader for the timeline document.
//!
//! The viewer reads one document shape and nothing else, so a hand-written parser into a
//! plain value tree is enough, and it keeps serde_json (and float formatting and parsing from
//! core) out of the size-critical WASM bundle. Malformed input gives `None`, never a panic.
//!
//! Measured on 2026-12-07 (issue 14), with this reader still in: deserializing the
//! `dateline-api` `TimelineDocument` with serde_json grew the optimised wasm from 159,012 to
//! 196,167 bytes gzip -9 (+37 KB, +23 %); serde-wasm-bindgen over `JSON.parse` to 184,450
//! (+25 KB, and a wasm/JS crossing per value at 10,000 events). That is before this file's
//! own share comes off, a few hundred lines of one function family, against a budget of
//! 150 KB the bundle already exceeds: kept.

/// A parsed JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// Any number (read as f64).
    Num(f64),
    /// A string, unescaped.
    Str(String),
    /// An array.
    Arr(Vec<Value<'a>>),
    /// An object, in document order; keys as written (the document's keys need no escapes).
    Obj(Vec<(&'a str, Value<'a>)>),
}

impl<'a> Value<'a> {
    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        match self {
            Value::Obj(members) => members.iter().find(|(k, _)| *k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string, when this is one.
    pub fn str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The number, when this is one.
    pub fn num(&self) -> Option<f64> {
        match self {
            Value::Num(n) => Some(*n),
            _ => None,
        }
    }

    /// The elements, when this is an array (empty otherwise).
    pub fn arr(&self) -> &[Value<'a>] {
        match self {
            Value::Arr(a) => a,
            _ => &[],
        }
    }

    /// A string member, or "".
    pub fn s(&self, key: &str) -> &str {
        self.get(key).and_then(Value::str).unwrap_or("")
    }

    /// An optional, non-empty string member.
    pub fn opt(&self, key: &str) -> Option<String> {
        self.get(key)
            .and_then(Value::str)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    }
}

/// Parses a whole JSON text.
pub fn parse(text: &str) -> Option<Value<'_>> {
    let mut p = Parser {
        s: text,
        b: text.as_bytes(),
        i: 0,
    };
    let v = p.value(0)?;
    p.ws();
    (p.i == p.b.len()).then_some(v)
}

struct Parser<'a> {
    s: &'a str,
    b: &'a [u8],
    i: usize,
}

impl<'a> Parser<'a> {
    fn ws(&mut self) {
        while matches!(self.b.get(self.i), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, c: u8) -> bool {
        self.ws();
        if self.b.get(self.i) == Some(&c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn lit(&mut self, word: &[u8], v: Value<'a>) -> Option<Value<'a>> {
        if self.b.get(self.i..self.i + word.len()) == Some(word) {
            self.i += word.len();
            Some(v)
        } else {
            None
        }
    }

    fn value(&mut self, depth: u32) -> Option<Value<'a>> {
        if depth > 64 {
            return None;
        }
        self.ws();
        match *self.b.get(self.i)? {
            b'{' => {
                self.i += 1;
                let mut members = Vec::new();
                if self.eat(b'}') {
                    return Some(Value::Obj(members));
                }
                loop {
                    self.ws();
                    let k = self.key()?;
                    if !self.eat(b':') {
                        return None;
                    }
                    let v = self.value(depth + 1)?;
                    members.push((k, v));
                    if self.eat(b',') {
                        continue;
                    }
                    return self.eat(b'}').then_some(Value::Obj(members));
                }
            }
            b'[' => {
                self.i += 1;
                let mut items = Vec::new();
                if self.eat(b']') {
                    return Some(Value::Arr(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    if self.eat(b',') {
                        continue;
                    }
                    return self.eat(b']').then_some(Value::Arr(items));
                }
            }
            b'"' => self.string().map(Value::Str),
            b't' => self.lit(b"true", Value::Bool(true)),
            b'f' => self.lit(b"false", Value::Bool(false)),
            b'n' => self.lit(b"null", Value::Null),
            _ => self.number().map(Value::Num),
        }
    }

    fn number(&mut self) -> Option<f64> {
        let neg = self.b.get(self.i) == Some(&b'-');
        if neg {
            self.i += 1;
        }
        let start = self.i;
        let mut v = 0f64;
        while let Some(d @ b'0'..=b'9') = self.b.get(self.i) {
            v = v * 10.0 + f64::from(d - b'0');
            self.i += 1;
        }
        if self.i == start {
            return None;
        }
        if self.b.get(self.i) == Some(&b'.') {
            self.i += 1;
            let mut scale = 0.1;
            while let Some(d @ b'0'..=b'9') = self.b.get(self.i) {
                v += f64::from(d - b'0') * scale;
                scale /= 10.0;
                self.i += 1;
            }
        }
        if matches!(self.b.get(self.i), Some(b'e' | b'E')) {
            self.i += 1;
            let eneg = self.b.get(self.i) == Some(&b'-');
            if matches!(self.b.get(self.i), Some(b'-' | b'+')) {
                self.i += 1;
            }
            let mut e = 0i32;
            while let Some(d @ b'0'..=b'9') = self.b.get(self.i) {
                e = (e * 10 + i32::from(d - b'0')).min(400);
                self.i += 1;
            }
            v *= 10f64.powi(if eneg { -e } else { e });
        }
        Some(if neg { -v } else { v })
    }

    fn hex4(&mut self) -> Option<u32> {
        let h = self.b.get(self.i..self.i + 4)?;
        self.i += 4;
        h.iter().try_fold(0u32, |acc, &c| {
            let d = match c {
                b'0'..=b'9' => c - b'0',
                b'a'..=b'f' => c - b'a' + 10,
                b'A'..=b'F' => c - b'A' + 10,
                _ => return None,
            };
            Some(acc * 16 + u32::from(d))
        })
    }

    /// An object key, borrowed from the text (escapes are kept as written).
    fn key(&mut self) -> Option<&'a str> {
        if self.b.get(self.i) != Some(&b'"') {
            return None;
        }
        let start = self.i + 1;
        let mut i = start;
        loop {
            match *self.b.get(i)? {
                b'"' => break,
                b'\\' => i += 2,
                _ => i += 1,
            }
        }
        self.i = i + 1;
        self.s.get(start..i)
    }

    fn string(&mut self) -> Option<String> {
        if self.b.get(self.i) != Some(&b'"') {
            return None;
        }
        self.i += 1;
        let mut out = Vec::new();
        loop {
            let start = self.i;
            while let Some(&c) = self.b.get(self.i) {
                if c == b'"' || c == b'\\' {
                    break;
                }
                self.i += 1;
            }
            out.extend_from_slice(&self.b[start..self.i]);
            match *self.b.get(self.i)? {
                b'"' => {
                    self.i += 1;
                    return String::from_utf8(out).ok();
                }
                _ => {
                    self.i += 1;
                    let esc = *self.b.get(self.i)?;
                    self.i += 1;
                    let c = match esc {
                        b'n' => '\n',
                        b't' => '\t',
                        b'r' => '\r',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'u' => {
                            let mut cp = self.hex4()?;
                            if (0xD800..0xDC00).contains(&cp)
                                && self.b.get(self.i..self.i + 2) == Some(b"\\u")
                            {
                                self.i += 2;
                                let lo = self.hex4()?;
                                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo.wrapping_sub(0xDC00));
                            }
                            char::from_u32(cp).unwrap_or('\u{FFFD}')
                        }
                        other => char::from(other),
                    };
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_shapes_the_document_uses() {
        let v = parse(r#" {"a": [1, -2.5, 3e2, true, null], "s": "x\"\u00e9\ud83d\ude00<"} "#)
            .expect("valid");
        assert_eq!(
            v.get("a").map(Value::arr).map(<[Value<'_>]>::len),
            Some(5),
            "{v:?}"
        );
        assert_eq!(v.get("a").map(|a| a.arr()[2].num()), Some(Some(300.0)));
        assert_eq!(v.s("s"), "x\"é😀<");
        assert!(parse("{").is_none());
        assert!(parse("[1,]").is_none());
        assert!(parse("\"abc").is_none());
        assert!(parse("{} x").is_none());
    }
}
