//! The rule language's syntax: text to a tree, with the position of every part.
//!
//! ```text
//! rule    := or
//! or      := and ("or" and)*
//! and     := not ("and" not)*
//! not     := "not" not | compare
//! compare := sum (("<" | "<=" | ">" | ">=" | "==" | "!=") sum | "not"? "in" list)?
//! sum     := product (("+" | "-") product)*
//! product := unary (("*" | "/") unary)*
//! unary   := "-" unary | atom
//! atom    := number unit? | "true" | "false" | name | name "(" args ")" | "(" rule ")" | list
//! list    := "[" name ("," name)* "]"
//! ```
//! Written by hand rather than with a parser crate: the grammar is small, the
//! error messages and positions are ours to word, and it adds little to the wasm.

use super::error::{Kind, RuleError};
use super::op::{Arith, BinOp, Compare, Logic};
pub use super::span::Span;
use crate::clinical::units::unit_prefix_len;

/// A parsed rule. Names and units borrow the rule's text: a catalog of
/// 1,000 trials has tens of thousands of them, and the tree lives only
/// until it is compiled.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr<'a> {
    pub kind: ExprKind<'a>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind<'a> {
    Number { value: f64, unit: Option<(&'a str, Span)> },
    Bool(bool),
    Name(&'a str),
    List(Vec<(String, Span)>),
    Not(Box<Expr<'a>>),
    Neg(Box<Expr<'a>>),
    Binary(BinOp, Box<Expr<'a>>, Box<Expr<'a>>),
    In { value: Box<Expr<'a>>, list: Box<Expr<'a>>, negated: bool },
    Call { name: &'a str, name_span: Span, args: Vec<Expr<'a>> },
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Tok<'a> {
    Num(f64),
    Unit(&'a str),
    Name(&'a str),
    And,
    Or,
    Not,
    In,
    True,
    False,
    Op(BinOp),
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
    End,
}

fn describe(t: &Tok<'_>) -> String {
    match t {
        Tok::Num(n) => format!("the number `{n}`"),
        Tok::Unit(u) => format!("the unit `{u}`"),
        Tok::Name(n) => format!("`{n}`"),
        Tok::And => "`and`".into(),
        Tok::Or => "`or`".into(),
        Tok::Not => "`not`".into(),
        Tok::In => "`in`".into(),
        Tok::True => "`true`".into(),
        Tok::False => "`false`".into(),
        Tok::Op(op) => format!("`{}`", op.symbol()),
        Tok::LParen => "`(`".into(),
        Tok::RParen => "`)`".into(),
        Tok::LBracket => "`[`".into(),
        Tok::RBracket => "`]`".into(),
        Tok::Comma => "`,`".into(),
        Tok::End => "the end of the rule".into(),
    }
}

fn err<T>(span: Span, message: impl Into<String>) -> Result<T, RuleError> {
    Err(RuleError::new(Kind::Syntax, span, message))
}

/// The words the lexer reads as keywords: never a question id or an option.
pub const KEYWORDS: &[&str] = &["and", "or", "not", "in", "true", "false"];

fn lex(text: &str) -> Result<Vec<(Tok<'_>, Span)>, RuleError> {
    let mut tokens = Vec::new();
    let mut i = 0;
    while let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) {
        let start = i;
        let rest = &text[i..];
        let span = |len: usize| Span { start, end: start + len };
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if c.is_ascii_digit() {
            let len = rest.find(|ch: char| !(ch.is_ascii_digit() || ch == '.')).unwrap_or(rest.len());
            let literal = &rest[..len];
            let Some(value) = crate::clinical::decimal::parse(literal) else {
                return err(span(len), format!("`{literal}` is not a number"));
            };
            tokens.push((Tok::Num(value), span(len)));
            i += len;
            // A unit may follow a number: `34 umol/L`, `55%`.
            let gap = text[i..].len() - text[i..].trim_start().len();
            if let Some(unit_len) = unit_prefix_len(&text[i + gap..]) {
                let at = i + gap;
                tokens.push((Tok::Unit(&text[at..at + unit_len]), Span { start: at, end: at + unit_len }));
                i = at + unit_len;
            }
            continue;
        }
        if c.is_alphabetic() || c == '_' {
            let len = rest.find(|ch: char| !(ch.is_alphanumeric() || ch == '_')).unwrap_or(rest.len());
            let word = &rest[..len];
            let tok = match word {
                "and" => Tok::And,
                "or" => Tok::Or,
                "not" => Tok::Not,
                "in" => Tok::In,
                "true" => Tok::True,
                // Keep in step with KEYWORDS.
                "false" => Tok::False,
                "AND" | "OR" | "NOT" | "IN" => {
                    return err(span(len), format!("write `{}` in lower case", word.to_ascii_lowercase()));
                }
                _ => Tok::Name(word),
            };
            tokens.push((tok, span(len)));
            i += len;
            continue;
        }
        let two = rest.get(..2).unwrap_or("");
        let (tok, len) = match (two, c) {
            ("<=", _) => (Tok::Op(BinOp::Compare(Compare::Le)), 2),
            (">=", _) => (Tok::Op(BinOp::Compare(Compare::Ge)), 2),
            ("==", _) => (Tok::Op(BinOp::Compare(Compare::Eq)), 2),
            ("!=", _) => (Tok::Op(BinOp::Compare(Compare::Ne)), 2),
            ("&&", _) => return err(span(2), "write `and` instead of `&&`"),
            ("||", _) => return err(span(2), "write `or` instead of `||`"),
            (_, '≤') => (Tok::Op(BinOp::Compare(Compare::Le)), c.len_utf8()),
            (_, '≥') => (Tok::Op(BinOp::Compare(Compare::Ge)), c.len_utf8()),
            (_, '≠') => (Tok::Op(BinOp::Compare(Compare::Ne)), c.len_utf8()),
            (_, '<') => (Tok::Op(BinOp::Compare(Compare::Lt)), 1),
            (_, '>') => (Tok::Op(BinOp::Compare(Compare::Gt)), 1),
            (_, '+') => (Tok::Op(BinOp::Arith(Arith::Add)), 1),
            (_, '-') => (Tok::Op(BinOp::Arith(Arith::Sub)), 1),
            (_, '*') => (Tok::Op(BinOp::Arith(Arith::Mul)), 1),
            (_, '/') => (Tok::Op(BinOp::Arith(Arith::Div)), 1),
            (_, '(') => (Tok::LParen, 1),
            (_, ')') => (Tok::RParen, 1),
            (_, '[') => (Tok::LBracket, 1),
            (_, ']') => (Tok::RBracket, 1),
            (_, ',') => (Tok::Comma, 1),
            (_, '=') => return err(span(1), "write `==` to compare"),
            (_, '!') => return err(span(1), "write `not` or `!=`"),
            _ => return err(span(c.len_utf8()), format!("unexpected character `{c}`")),
        };
        tokens.push((tok, span(len)));
        i += len;
    }
    tokens.push((Tok::End, Span { start: text.len(), end: text.len() }));
    Ok(tokens)
}

struct Parser<'a> {
    tokens: Vec<(Tok<'a>, Span)>,
    at: usize,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> (&Tok<'a>, Span) {
        match self.tokens.get(self.at).or(self.tokens.last()) {
            Some((t, s)) => (t, *s),
            None => (&Tok::End, Span::default()),
        }
    }

    fn peek2(&self) -> &Tok<'a> {
        self.tokens.get(self.at + 1).map_or(&Tok::End, |(t, _)| t)
    }

    fn bump(&mut self) -> (Tok<'a>, Span) {
        let (t, s) = self.peek();
        let t = *t;
        self.at += 1;
        (t, s)
    }

    fn expect(&mut self, want: Tok<'a>, context: &str) -> Result<Span, RuleError> {
        let (t, s) = self.peek();
        if *t == want {
            self.at += 1;
            Ok(s)
        } else {
            err(s, format!("expected {} {context}, found {}", describe(&want), describe(t)))
        }
    }

    fn binary(op: BinOp, l: Expr<'a>, r: Expr<'a>) -> Expr<'a> {
        let span = l.span.to(r.span);
        Expr { kind: ExprKind::Binary(op, Box::new(l), Box::new(r)), span }
    }

    fn or(&mut self) -> Result<Expr<'a>, RuleError> {
        let mut left = self.and()?;
        while *self.peek().0 == Tok::Or {
            self.at += 1;
            let right = self.and()?;
            left = Self::binary(BinOp::Logic(Logic::Or), left, right);
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Expr<'a>, RuleError> {
        let mut left = self.not()?;
        while *self.peek().0 == Tok::And {
            self.at += 1;
            let right = self.not()?;
            left = Self::binary(BinOp::Logic(Logic::And), left, right);
        }
        Ok(left)
    }

    fn not(&mut self) -> Result<Expr<'a>, RuleError> {
        if let (Tok::Not, start) = self.peek() {
            self.at += 1;
            let inner = self.not()?;
            let span = start.to(inner.span);
            return Ok(Expr { kind: ExprKind::Not(Box::new(inner)), span });
        }
        self.compare()
    }

    fn compare(&mut self) -> Result<Expr<'a>, RuleError> {
        let left = self.sum()?;
        let (tok, _) = self.peek();
        match *tok {
            Tok::Op(op @ BinOp::Compare(_)) => {
                self.at += 1;
                let right = self.sum()?;
                if let (Tok::Op(BinOp::Compare(_)), s) = self.peek() {
                    return err(s, "comparisons do not chain: write `a <= x and x <= b`");
                }
                Ok(Self::binary(op, left, right))
            }
            Tok::In => {
                self.at += 1;
                self.in_list(left, false)
            }
            Tok::Not if *self.peek2() == Tok::In => {
                self.at += 2;
                self.in_list(left, true)
            }
            _ => Ok(left),
        }
    }

    fn in_list(&mut self, value: Expr<'a>, negated: bool) -> Result<Expr<'a>, RuleError> {
        let list = self.atom()?;
        if !matches!(list.kind, ExprKind::List(_)) {
            return err(list.span, "expected a list after `in`, like `[III, IV]`");
        }
        let span = value.span.to(list.span);
        Ok(Expr { kind: ExprKind::In { value: Box::new(value), list: Box::new(list), negated }, span })
    }

    fn sum(&mut self) -> Result<Expr<'a>, RuleError> {
        let mut left = self.product()?;
        while let (Tok::Op(op @ BinOp::Arith(Arith::Add | Arith::Sub)), _) = self.peek() {
            let op = *op;
            self.at += 1;
            let right = self.product()?;
            left = Self::binary(op, left, right);
        }
        Ok(left)
    }

    fn product(&mut self) -> Result<Expr<'a>, RuleError> {
        let mut left = self.unary()?;
        while let (Tok::Op(op @ BinOp::Arith(Arith::Mul | Arith::Div)), _) = self.peek() {
            let op = *op;
            self.at += 1;
            let right = self.unary()?;
            left = Self::binary(op, left, right);
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Expr<'a>, RuleError> {
        if let (Tok::Op(BinOp::Arith(Arith::Sub)), start) = self.peek() {
            self.at += 1;
            let inner = self.unary()?;
            let span = start.to(inner.span);
            return Ok(Expr { kind: ExprKind::Neg(Box::new(inner)), span });
        }
        self.atom()
    }

    fn atom(&mut self) -> Result<Expr<'a>, RuleError> {
        let (tok, span) = self.bump();
        let kind = match tok {
            Tok::Num(value) => {
                if let (Tok::Unit(unit), unit_span) = self.peek() {
                    let unit = Some((*unit, unit_span));
                    self.at += 1;
                    return Ok(Expr { kind: ExprKind::Number { value, unit }, span: span.to(unit_span) });
                }
                ExprKind::Number { value, unit: None }
            }
            Tok::True => ExprKind::Bool(true),
            Tok::False => ExprKind::Bool(false),
            Tok::Name(name) if *self.peek().0 == Tok::LParen => {
                self.at += 1;
                let mut args = Vec::new();
                if *self.peek().0 != Tok::RParen {
                    loop {
                        args.push(self.or()?);
                        if *self.peek().0 == Tok::Comma {
                            self.at += 1;
                        } else {
                            break;
                        }
                    }
                }
                let end = self.expect(Tok::RParen, &format!("to close `{name}(`"))?;
                return Ok(Expr { kind: ExprKind::Call { name, name_span: span, args }, span: span.to(end) });
            }
            Tok::Name(name) => ExprKind::Name(name),
            Tok::LParen => {
                let inner = self.or()?;
                let end = self.expect(Tok::RParen, "to close `(`")?;
                return Ok(Expr { kind: inner.kind, span: span.to(end) });
            }
            Tok::LBracket => {
                let mut items = Vec::new();
                loop {
                    match self.bump() {
                        (Tok::Name(n), s) => items.push((n.to_string(), s)),
                        (Tok::Num(n), s) => items.push((n.to_string(), s)),
                        (t, s) => {
                            return err(s, format!("expected a name in the list, found {}", describe(&t)));
                        }
                    }
                    match self.bump() {
                        (Tok::Comma, _) => continue,
                        (Tok::RBracket, end) => {
                            return Ok(Expr { kind: ExprKind::List(items), span: span.to(end) });
                        }
                        (t, s) => {
                            return err(s, format!("expected `,` or `]` in the list, found {}", describe(&t)));
                        }
                    }
                }
            }
            Tok::Unit(u) => return err(span, format!("the unit `{u}` must follow a number")),
            other => {
                return err(span, format!("expected a value, found {}", describe(&other)));
            }
        };
        Ok(Expr { kind, span })
    }
}

/// Parses a rule. The first problem found is returned with its position.
pub fn parse(text: &str) -> Result<Expr<'_>, RuleError> {
    let tokens = lex(text)?;
    let mut parser = Parser { tokens, at: 0 };
    if *parser.peek().0 == Tok::End {
        return err(parser.peek().1, "the rule is empty");
    }
    let expr = parser.or()?;
    match parser.peek() {
        (Tok::End, _) => Ok(expr),
        (t, s) => err(s, format!("unexpected {} after a complete rule", describe(t))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> (usize, usize, String) {
        let e = parse(text).unwrap_err();
        (e.span.start, e.span.end, e.message)
    }

    fn shape(e: &Expr) -> String {
        match &e.kind {
            ExprKind::Number { value, unit: Some((u, _)) } => format!("{value}{u}"),
            ExprKind::Number { value, unit: None } => format!("{value}"),
            ExprKind::Bool(b) => b.to_string(),
            ExprKind::Name(n) => n.to_string(),
            ExprKind::List(items) => format!("[{}]", items.iter().map(|i| i.0.as_str()).collect::<Vec<_>>().join(",")),
            ExprKind::Not(x) => format!("(not {})", shape(x)),
            ExprKind::Neg(x) => format!("(-{})", shape(x)),
            ExprKind::Binary(op, l, r) => format!("({} {} {})", shape(l), op.symbol(), shape(r)),
            ExprKind::In { value, list, negated } => {
                format!("({} {}in {})", shape(value), if *negated { "not " } else { "" }, shape(list))
            }
            ExprKind::Call { name, args, .. } => {
                format!("{name}({})", args.iter().map(shape).collect::<Vec<_>>().join(", "))
            }
        }
    }

    #[test]
    fn precedence_reads_as_a_coordinator_expects() {
        let e = parse("age_years >= 6 and age_years <= 18 or not pregnant").unwrap();
        assert_eq!(shape(&e), "(((age_years >= 6) and (age_years <= 18)) or (not pregnant))");
        let e = parse("alt <= 3 * alt_uln + 1").unwrap();
        assert_eq!(shape(&e), "(alt <= ((3 * alt_uln) + 1))");
    }

    #[test]
    fn units_lists_calls_and_not_in() {
        let e = parse("bilirubin <= 34 umol/L and egfr >= 30 mL/min/1.73m2").unwrap();
        assert_eq!(shape(&e), "((bilirubin <= 34umol/L) and (egfr >= 30mL/min/1.73m2))");
        let e = parse("count(meds, [cyclophosphamide, tacrolimus]) >= 2").unwrap();
        assert_eq!(shape(&e), "(count(meds, [cyclophosphamide,tacrolimus]) >= 2)");
        let e = parse("biopsy_class not in [V]").unwrap();
        assert_eq!(shape(&e), "(biopsy_class not in [V])");
        assert_eq!(shape(&parse("lvef ≥ 55%").unwrap()), "(lvef >= 55%)");
    }

    #[test]
    fn spans_point_at_the_source() {
        let text = "count(meds, [a]) >= 2";
        let ExprKind::Binary(_, left, _) = parse(text).unwrap().kind else { panic!() };
        assert_eq!(&text[left.span.start..left.span.end], "count(meds, [a])");
    }

    #[test]
    fn syntax_errors_say_what_and_where() {
        assert_eq!(error("age_years >= "), (13, 13, "expected a value, found the end of the rule".into()));
        assert_eq!(error("(age_years >= 6"), (15, 15, "expected `)` to close `(`, found the end of the rule".into()));
        assert_eq!(error("sex = female"), (4, 5, "write `==` to compare".into()));
        assert_eq!(error("a && b"), (2, 4, "write `and` instead of `&&`".into()));
        assert_eq!(error("6 <= age_years <= 18").2, "comparisons do not chain: write `a <= x and x <= b`");
        assert_eq!(error("x in [a b]"), (8, 9, "expected `,` or `]` in the list, found `b`".into()));
        assert_eq!(error("x in y"), (5, 6, "expected a list after `in`, like `[III, IV]`".into()));
        assert_eq!(error("age_years >= 6 age_years"), (15, 24, "unexpected `age_years` after a complete rule".into()));
        assert_eq!(error("x # y"), (2, 3, "unexpected character `#`".into()));
        assert_eq!(error("  "), (2, 2, "the rule is empty".into()));
        assert_eq!(error("x AND y"), (2, 5, "write `and` in lower case".into()));
        assert_eq!(error("1.2.3 > x"), (0, 5, "`1.2.3` is not a number".into()));
    }
}
