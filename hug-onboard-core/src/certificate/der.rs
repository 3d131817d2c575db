//! A minimal DER reader and a BER → DER normaliser, just enough for PKCS#12.
//!
//! The reader is strict (definite lengths only, single-byte tags) and knows
//! the absolute byte offset of everything it reads when its input is a slice
//! of the file, so that a malformed file is reported with the position of the
//! problem. [`normalize`] turns BER (indefinite lengths, constructed OCTET
//! STRINGs, as Java and some Windows tools write) into that DER shape first.

use zeroize::Zeroizing;

/// Maximum nesting depth accepted while normalising or walking.
const MAX_DEPTH: usize = 48;

/// Universal tags used by PKCS#12.
pub(crate) mod tag {
    pub const INTEGER: u8 = 0x02;
    pub const BIT_STRING: u8 = 0x03;
    pub const OCTET_STRING: u8 = 0x04;
    pub const NULL: u8 = 0x05;
    pub const OID: u8 = 0x06;
    pub const BMP_STRING: u8 = 0x1e;
    pub const SEQUENCE: u8 = 0x30;
    pub const SET: u8 = 0x31;
    pub const CTX0: u8 = 0xa0;
    pub const CTX0_PRIM: u8 = 0x80;
    pub const OCTET_STRING_CONS: u8 = 0x24;
}

/// What went wrong, and where (an absolute offset when the input is the file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct DerError {
    pub offset: Option<usize>,
    pub what: String,
}

impl DerError {
    pub fn new(offset: Option<usize>, what: impl Into<String>) -> DerError {
        DerError {
            offset,
            what: what.into(),
        }
    }
}

/// One decoded tag-length-value.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tlv<'a> {
    pub tag: u8,
    pub content: &'a [u8],
    /// The whole TLV (header and content).
    pub raw: &'a [u8],
    /// Absolute offset of the tag byte, when known.
    pub offset: Option<usize>,
    /// Absolute offset of the first content byte, when known.
    pub content_offset: Option<usize>,
}

impl<'a> Tlv<'a> {
    /// A reader over this TLV's content (for constructed types).
    pub fn reader(&self) -> Reader<'a> {
        Reader {
            data: self.content,
            pos: 0,
            base: self.content_offset,
        }
    }

    /// Error at this TLV.
    pub fn err(&self, what: impl Into<String>) -> DerError {
        DerError::new(self.offset, what)
    }

    /// The dotted form of an OBJECT IDENTIFIER.
    pub fn oid(&self) -> Result<String, DerError> {
        if self.tag != tag::OID {
            return Err(self.err("expected an OBJECT IDENTIFIER"));
        }
        oid_to_string(self.content).ok_or_else(|| self.err("invalid OBJECT IDENTIFIER"))
    }

    /// A non-negative INTEGER that fits in a u64.
    pub fn uint(&self) -> Result<u64, DerError> {
        if self.tag != tag::INTEGER {
            return Err(self.err("expected an INTEGER"));
        }
        let mut bytes = self.content;
        if bytes.is_empty() {
            return Err(self.err("empty INTEGER"));
        }
        if bytes[0] & 0x80 != 0 {
            return Err(self.err("negative INTEGER"));
        }
        while bytes.len() > 1 && bytes[0] == 0 {
            bytes = &bytes[1..];
        }
        if bytes.len() > 8 {
            return Err(self.err("INTEGER too large"));
        }
        Ok(bytes.iter().fold(0u64, |acc, b| (acc << 8) | u64::from(*b)))
    }
}

/// A cursor over a sequence of TLVs.
#[derive(Clone, Debug)]
pub(crate) struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    base: Option<usize>,
}

impl<'a> Reader<'a> {
    /// A reader over `data`, whose first byte is at absolute `base` (if known).
    pub fn new(data: &'a [u8], base: Option<usize>) -> Reader<'a> {
        Reader { data, pos: 0, base }
    }

    fn at(&self, pos: usize) -> Option<usize> {
        self.base.and_then(|b| b.checked_add(pos))
    }

    /// Whether every byte has been read.
    pub fn is_empty(&self) -> bool {
        self.pos >= self.data.len()
    }

    /// The tag of the next TLV, if any.
    pub fn peek_tag(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    /// An error at the reader's position.
    pub fn err(&self, what: impl Into<String>) -> DerError {
        DerError::new(self.at(self.pos), what)
    }

    /// Reads the next TLV.
    pub fn read(&mut self) -> Result<Tlv<'a>, DerError> {
        let start = self.pos;
        let (tag, header_len, len) =
            read_header(self.data, start).map_err(|(p, w)| DerError::new(self.at(p), w))?;
        let len = len.ok_or_else(|| {
            DerError::new(self.at(start), "indefinite length where DER was expected")
        })?;
        let content_start = start + header_len;
        let end = content_start
            .checked_add(len)
            .filter(|e| *e <= self.data.len())
            .ok_or_else(|| {
                DerError::new(
                    self.at(start),
                    format!(
                        "element of {len} bytes runs past the end of its container ({} bytes left)",
                        self.data.len().saturating_sub(content_start)
                    ),
                )
            })?;
        self.pos = end;
        Ok(Tlv {
            tag,
            content: &self.data[content_start..end],
            raw: &self.data[start..end],
            offset: self.at(start),
            content_offset: self.at(content_start),
        })
    }

    /// Reads the next TLV and checks its tag.
    pub fn expect(&mut self, want: u8, what: &str) -> Result<Tlv<'a>, DerError> {
        match self.peek_tag() {
            None => Err(self.err(format!("missing {what}"))),
            Some(t) if t != want => Err(self.err(format!(
                "expected {what} (tag 0x{want:02x}), found tag 0x{t:02x}"
            ))),
            Some(_) => self.read(),
        }
    }

    /// Reads the next TLV if it has this tag.
    pub fn optional(&mut self, want: u8) -> Result<Option<Tlv<'a>>, DerError> {
        if self.peek_tag() == Some(want) {
            self.read().map(Some)
        } else {
            Ok(None)
        }
    }
}

/// Parses a TLV header at `pos`: (tag, header length, content length or None
/// for indefinite). Errors carry the position of the problem.
fn read_header(data: &[u8], pos: usize) -> Result<(u8, usize, Option<usize>), (usize, String)> {
    let tag = *data
        .get(pos)
        .ok_or((pos, "unexpected end of data (missing tag)".to_owned()))?;
    if tag & 0x1f == 0x1f {
        return Err((
            pos,
            format!("multi-byte tag 0x{tag:02x} is not used by PKCS#12"),
        ));
    }
    let first = *data.get(pos + 1).ok_or((
        pos + 1,
        "unexpected end of data (missing length)".to_owned(),
    ))?;
    if first < 0x80 {
        return Ok((tag, 2, Some(usize::from(first))));
    }
    if first == 0x80 {
        if tag & 0x20 == 0 {
            return Err((
                pos + 1,
                "indefinite length on a primitive element".to_owned(),
            ));
        }
        return Ok((tag, 2, None));
    }
    let n = usize::from(first & 0x7f);
    if n > 4 {
        return Err((pos + 1, format!("length of {n} bytes is too large")));
    }
    let bytes = data.get(pos + 2..pos + 2 + n).ok_or((
        pos + 1,
        "unexpected end of data (truncated length)".to_owned(),
    ))?;
    let len = bytes
        .iter()
        .fold(0usize, |acc, b| (acc << 8) | usize::from(*b));
    Ok((tag, 2 + n, Some(len)))
}

/// The dotted-decimal form of an OID's content bytes.
pub(crate) fn oid_to_string(bytes: &[u8]) -> Option<String> {
    if bytes.is_empty() || bytes.last().is_some_and(|b| b & 0x80 != 0) {
        return None;
    }
    let mut arcs: Vec<u64> = Vec::new();
    let mut acc: u64 = 0;
    for &b in bytes {
        if acc > (u64::MAX >> 7) {
            return None;
        }
        acc = (acc << 7) | u64::from(b & 0x7f);
        if b & 0x80 == 0 {
            if arcs.is_empty() {
                let (a, b) = match acc {
                    0..=39 => (0, acc),
                    40..=79 => (1, acc - 40),
                    _ => (2, acc - 80),
                };
                arcs.push(a);
                arcs.push(b);
            } else {
                arcs.push(acc);
            }
            acc = 0;
        }
    }
    Some(
        arcs.iter()
            .map(u64::to_string)
            .collect::<Vec<_>>()
            .join("."),
    )
}

fn push_der_len(out: &mut Vec<u8>, len: usize) {
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes = len.to_be_bytes();
        let skip = bytes.iter().take_while(|b| **b == 0).count();
        let n = bytes.len() - skip;
        out.push(0x80 | n as u8);
        out.extend_from_slice(&bytes[skip..]);
    }
}

/// Normalises BER to the DER shape the [`Reader`] expects: indefinite lengths
/// become definite and constructed OCTET STRINGs become primitive. Returns
/// `None` when the input needs no change (the common case: OpenSSL writes
/// DER), so the caller keeps reading the original bytes and its offsets.
/// Only the first element is normalised; trailing bytes are dropped.
///
/// The output is zeroized on drop: it may hold decrypted key material.
pub(crate) fn normalize(
    input: &[u8],
    base: Option<usize>,
) -> Result<Option<Zeroizing<Vec<u8>>>, DerError> {
    if !needs_normalizing(input, 0, 0)
        .map_err(|(p, w)| DerError::new(base.and_then(|b| b.checked_add(p)), w))?
    {
        return Ok(None);
    }
    let mut out = Zeroizing::new(Vec::with_capacity(input.len()));
    norm(input, 0, 0, &mut out)
        .map_err(|(p, w)| DerError::new(base.and_then(|b| b.checked_add(p)), w))?;
    Ok(Some(out))
}

/// Whether the first element at `pos` uses any BER-only form.
fn needs_normalizing(data: &[u8], pos: usize, depth: usize) -> Result<bool, (usize, String)> {
    if depth > MAX_DEPTH {
        return Err((pos, "nesting too deep".to_owned()));
    }
    let (tag, hl, len) = read_header(data, pos)?;
    let Some(len) = len else { return Ok(true) };
    if tag == tag::OCTET_STRING_CONS {
        return Ok(true);
    }
    let start = pos + hl;
    let end = start
        .checked_add(len)
        .filter(|e| *e <= data.len())
        .ok_or((pos, "element runs past the end of the data".to_owned()))?;
    if tag & 0x20 != 0 {
        let mut p = start;
        while p < end {
            if needs_normalizing(&data[..end], p, depth + 1)? {
                return Ok(true);
            }
            let (_, hl, len) = read_header(&data[..end], p)?;
            p = p + hl + len.unwrap_or(0);
        }
    }
    Ok(false)
}

/// Writes the DER form of the element at `pos` to `out`; returns the position after it.
fn norm(
    data: &[u8],
    pos: usize,
    depth: usize,
    out: &mut Vec<u8>,
) -> Result<usize, (usize, String)> {
    if depth > MAX_DEPTH {
        return Err((pos, "nesting too deep".to_owned()));
    }
    let (tag, hl, len) = read_header(data, pos)?;
    let start = pos + hl;
    if tag & 0x20 == 0 {
        let len = len.ok_or((pos, "indefinite primitive".to_owned()))?;
        let end = start
            .checked_add(len)
            .filter(|e| *e <= data.len())
            .ok_or((pos, "element runs past the end of the data".to_owned()))?;
        out.push(tag);
        push_der_len(out, len);
        out.extend_from_slice(&data[start..end]);
        return Ok(end);
    }
    // Constructed: normalise the children into a scratch buffer.
    let mut inner = Zeroizing::new(Vec::new());
    let mut p = start;
    let end = match len {
        Some(len) => {
            let end = start
                .checked_add(len)
                .filter(|e| *e <= data.len())
                .ok_or((pos, "element runs past the end of the data".to_owned()))?;
            while p < end {
                p = norm(&data[..end], p, depth + 1, &mut inner)?;
            }
            end
        }
        None => loop {
            match (data.get(p), data.get(p + 1)) {
                (Some(0), Some(0)) => break p + 2,
                (None, _) | (_, None) => {
                    return Err((
                        p,
                        "missing end-of-contents of an indefinite length".to_owned(),
                    ));
                }
                _ => p = norm(data, p, depth + 1, &mut inner)?,
            }
        },
    };
    if tag == tag::OCTET_STRING_CONS {
        // Concatenate the (now primitive) OCTET STRING chunks.
        let mut joined = Zeroizing::new(Vec::with_capacity(inner.len()));
        let mut r = Reader::new(&inner, None);
        while !r.is_empty() {
            let chunk = r.read().map_err(|e| (pos, e.what))?;
            if chunk.tag != tag::OCTET_STRING {
                return Err((
                    pos,
                    "a constructed OCTET STRING holds a non-OCTET STRING".to_owned(),
                ));
            }
            joined.extend_from_slice(chunk.content);
        }
        out.push(tag::OCTET_STRING);
        push_der_len(out, joined.len());
        out.extend_from_slice(&joined);
    } else {
        out.push(tag);
        push_der_len(out, inner.len());
        out.extend_from_slice(&inner);
    }
    Ok(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oid_strings() {
        assert_eq!(
            oid_to_string(&[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01]).as_deref(),
            Some("1.2.840.113549.1.7.1")
        );
        assert_eq!(oid_to_string(&[]), None);
        assert_eq!(oid_to_string(&[0x86]), None);
    }

    #[test]
    fn ber_to_der() {
        // SEQUENCE (indefinite) { OCTET STRING constructed (indefinite) { "ab", "c" } }
        let ber = [
            0x30, 0x80, 0x24, 0x80, 0x04, 0x02, b'a', b'b', 0x04, 0x01, b'c', 0, 0, 0, 0,
        ];
        let der = normalize(&ber, Some(0)).unwrap().unwrap();
        assert_eq!(&der[..], &[0x30, 0x05, 0x04, 0x03, b'a', b'b', b'c']);
        assert!(normalize(&der, None).unwrap().is_none());
    }

    #[test]
    fn errors_have_offsets() {
        let e = Reader::new(&[0x30, 0x05, 0x02], Some(100))
            .read()
            .unwrap_err();
        assert_eq!(e.offset, Some(100));
        let e = normalize(&[0x30, 0x80, 0x02, 0x01, 0x00], Some(0)).unwrap_err();
        assert_eq!(e.offset, Some(5));
        // Deep nesting is refused, not a stack overflow.
        let mut deep = Vec::new();
        for _ in 0..10_000 {
            deep.extend_from_slice(&[0x30, 0x80]);
        }
        assert!(normalize(&deep, None).is_err());
    }
}
