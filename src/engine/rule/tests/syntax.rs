//! Phase 1, `syntax`: rule text to the shape it parses into, or a syntax
//! error at its place. Nothing here knows a question.

use crate::engine::rule::ErrorKind;
use crate::engine::rule::op::{Arith, BinOp, Compare, Logic};
use crate::engine::rule::syntax::{Expr, ExprKind, parse};

/// The parse as an S-expression: what binds to what.
fn shape(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Number { value, unit: None } => format!("{value}"),
        ExprKind::Number { value, unit: Some((u, _)) } => format!("{value}{u}"),
        ExprKind::Bool(b) => b.to_string(),
        ExprKind::Name(n) => (*n).to_string(),
        ExprKind::List(items) => format!("[{}]", items.iter().map(|(i, _)| i.as_str()).collect::<Vec<_>>().join(" ")),
        ExprKind::Not(a) => format!("(not {})", shape(a)),
        ExprKind::Neg(a) => format!("(- {})", shape(a)),
        ExprKind::Binary(op, a, b) => format!("({} {} {})", op_word(*op), shape(a), shape(b)),
        ExprKind::In { value, list, negated } => {
            format!("({} {} {})", if *negated { "not-in" } else { "in" }, shape(value), shape(list))
        }
        ExprKind::Call { name, args, .. } => {
            format!("({name}{})", args.iter().map(|a| format!(" {}", shape(a))).collect::<String>())
        }
    }
}

fn op_word(op: BinOp) -> &'static str {
    match op {
        BinOp::Logic(Logic::And) => "and",
        BinOp::Logic(Logic::Or) => "or",
        BinOp::Compare(Compare::Lt) => "lt",
        BinOp::Compare(Compare::Le) => "le",
        BinOp::Compare(Compare::Gt) => "gt",
        BinOp::Compare(Compare::Ge) => "ge",
        BinOp::Compare(Compare::Eq) => "eq",
        BinOp::Compare(Compare::Ne) => "ne",
        BinOp::Arith(Arith::Add) => "add",
        BinOp::Arith(Arith::Sub) => "sub",
        BinOp::Arith(Arith::Mul) => "mul",
        BinOp::Arith(Arith::Div) => "div",
    }
}

#[test]
fn rule_text_parses_into_the_shape_an_author_means() {
    let table = [
        ("age_years >= 6 and age_years <= 18", "(and (ge age_years 6) (le age_years 18))"),
        ("a or b and c", "(or a (and b c))"),
        ("not a and b", "(and (not a) b)"),
        ("alt <= 3 * alt_uln", "(le alt (mul 3 alt_uln))"),
        ("creatinine <= 1.5 mg/dL", "(le creatinine 1.5mg/dL)"),
        ("biopsy_class in [III, IV]", "(in biopsy_class [III IV])"),
        ("sex not in [male]", "(not-in sex [male])"),
        ("count(lupus_medicines, [tacrolimus]) >= 1", "(ge (count lupus_medicines [tacrolimus]) 1)"),
        ("-x < 2", "(lt (- x) 2)"),
        ("(a or b) and c", "(and (or a b) c)"),
        ("egfr >= 60", "(ge egfr 60)"),
    ];
    for (text, expected) in table {
        let parsed = parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(shape(&parsed), expected, "{text}");
    }
}

#[test]
fn text_that_does_not_parse_is_a_syntax_error_at_its_place() {
    // (rule, the text the error points at)
    let table = [
        ("age_years >= ", ""),
        ("age_years >= 6 and", ""),
        ("(a or b", ""),
        ("a or b)", ")"),
        ("biopsy_class in [III, ", ""),
        ("a $ b", "$"),
        ("a and and b", "and"),
    ];
    for (text, at) in table {
        let e = parse(text).err().unwrap_or_else(|| panic!("{text} parsed"));
        assert_eq!(e.kind, ErrorKind::Syntax, "{text}: {e}");
        assert_eq!(text.get(e.span.start..e.span.end), Some(at), "{text}: {e}");
    }
}
