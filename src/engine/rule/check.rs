//! Type-checks a parsed rule against the question bank and compiles it.
//!
//! Every mistake a trial author can make in a rule is reported here with its
//! position: an unknown question, a unit that does not fit, a yes/no compared
//! with a number, an option the question does not have.

use super::node::{Arith, Compare, Egfr, Node, TickList};
use super::syntax::{BinOp, Expr, ExprKind, Span};
use crate::clinical::egfr::Formula;
use crate::clinical::units::Quantity;
use crate::clinical::{eular_acr, sledai};
use crate::engine::question::{DatePrecision, Kind, Question, QuestionBank};
use std::fmt;

#[derive(Clone, Debug, PartialEq)]
pub struct CheckError {
    pub span: Span,
    pub message: String,
}

impl fmt::Display for CheckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// The functions a rule may call, for `questions --json` and the docs.
pub const FUNCTIONS: &[(&str, &str)] = &[
    ("count(q, [options])", "how many of the options were chosen, or of the medicines taken"),
    ("count_taken(q, [medicines], months)", "how many of the medicines were taken for at least that many months"),
    ("count_intolerant(q, [medicines])", "how many of the medicines were stopped because of side effects"),
    ("sledai2k([total,] q)", "SLEDAI-2K: the doctor's total when known, else the descriptors chosen"),
    ("sledai2k_lab([total,] q)", "SLEDAI-2K points from the 8 laboratory descriptors"),
    ("sledai2k_without_cns([total,] q)", "SLEDAI-2K without the neuropsychiatric descriptors"),
    ("sledai2k_clinical([total,] q)", "clinical SLEDAI: without the laboratory descriptors"),
    ("sledai2k_without([total,] q, [descriptors])", "SLEDAI-2K without the listed descriptors"),
    ("eular_acr_score(q)", "2019 EULAR/ACR total (highest item per domain)"),
    (
        "eular_acr_classified(entry, q)",
        "classified as SLE: the entry condition (ANA >= 1:80), total >= 10, a clinical item",
    ),
    ("at_least(n, condition, ...)", "at least n of the conditions hold (e.g. 2 of 5 kinds of medicine)"),
    ("months_since(q)", "months from a date to today"),
    ("egfr_schwartz(creatinine, height)", "bedside Schwartz eGFR"),
    ("egfr_ckd_epi(creatinine, age, sex)", "CKD-EPI 2021 eGFR"),
];

enum Typed<'b> {
    Truth(Node),
    Number(Node, Option<&'static Quantity>),
    /// A number whose unit is read once the other side of an operator is known.
    Literal {
        value: f64,
        unit: Option<(String, Span)>,
        span: Span,
    },
    /// A question that is neither yes/no nor a number: usable with `==`, `in`
    /// and functions only.
    Question(&'b Question, Span),
}

type Checked<T> = Result<T, ()>;

struct Checker<'b> {
    bank: &'b QuestionBank,
    errors: Vec<CheckError>,
}

fn quantity_name(q: Option<&Quantity>) -> String {
    match q {
        Some(q) => format!("{} ({})", q.id.replace('_', " "), q.unit_symbols().join(", ")),
        None => "a plain number".to_string(),
    }
}

fn kind_phrase(kind: &Kind) -> &'static str {
    match kind {
        Kind::YesNo => "a yes/no question",
        Kind::Choice { .. } => "a single-choice question",
        Kind::Multi { .. } => "a multiple-choice question",
        Kind::Number { .. } => "a number question",
        Kind::Date { .. } => "a date question",
        Kind::Medications { .. } => "a medicines question",
    }
}

impl<'b> Checker<'b> {
    fn fail<T>(&mut self, span: Span, message: impl Into<String>) -> Checked<T> {
        self.errors.push(CheckError { span, message: message.into() });
        Err(())
    }

    fn question(&mut self, name: &str, span: Span) -> Checked<&'b Question> {
        match self.bank.get(name) {
            Some(q) => Ok(q),
            None => {
                let hint = self.bank.suggest(name).map(|s| format!(" (did you mean `{s}`?)")).unwrap_or_default();
                self.fail(span, format!("unknown question `{name}`{hint}"))
            }
        }
    }

    /// A question the derived names and functions rely on, of the right kind.
    fn input(
        &mut self,
        id: &str,
        wanted: &str,
        fits: impl Fn(&Kind) -> bool,
        span: Span,
        user: &str,
    ) -> Checked<&'b Question> {
        match self.bank.get(id) {
            Some(q) if fits(&q.kind) => Ok(q),
            Some(_) => self.fail(span, format!("`{user}` needs `{id}` to be {wanted}")),
            None => self.fail(span, format!("`{user}` needs the question `{id}` ({wanted}) in the question bank")),
        }
    }

    fn name(&mut self, name: &str, span: Span) -> Checked<Typed<'b>> {
        match name {
            "study_team" => return Ok(Typed::Truth(Node::StudyTeam)),
            "age_years" => return Ok(Typed::Number(self.age(span, name)?, None)),
            "egfr" => {
                let creatinine = self.measurement("creatinine", "creatinine", span, name);
                let height = self.measurement("height", "height", span, name);
                let age = self.age(span, name);
                let sex = self.sex("sex", span, name);
                let (creatinine, height, age, sex) = (creatinine?, height?, age?, sex?);
                return Ok(Typed::Number(
                    Node::Egfr(Box::new(Egfr {
                        formula: Formula::ForAge,
                        creatinine,
                        height: Some(height),
                        age: Some(age),
                        sex: Some(sex),
                    })),
                    Quantity::by_id("egfr"),
                ));
            }
            _ => {}
        }
        let q = self.question(name, span)?;
        Ok(match &q.kind {
            Kind::YesNo => Typed::Truth(Node::YesNo(q.id.clone())),
            Kind::Number { quantity, .. } => Typed::Number(Node::Number(q.id.clone(), *quantity), *quantity),
            _ => Typed::Question(q, span),
        })
    }

    /// Age in completed years, from the full date of birth `user` relies on.
    fn age(&mut self, span: Span, user: &str) -> Checked<Node> {
        let full_date = |k: &Kind| matches!(k, Kind::Date { precision: DatePrecision::Day });
        let dob = self.input("date_of_birth", "a full date", full_date, span, user)?;
        Ok(Node::AgeYears(dob.id.clone()))
    }

    fn measurement(&mut self, id: &str, quantity: &str, span: Span, user: &str) -> Checked<Node> {
        let wanted = format!("a number in units of {quantity}");
        let q = self.input(
            id,
            &wanted,
            |k| matches!(k, Kind::Number { quantity: Some(q), .. } if q.id == quantity),
            span,
            user,
        )?;
        Ok(Node::Number(q.id.clone(), Quantity::by_id(quantity)))
    }

    fn sex(&mut self, id: &str, span: Span, user: &str) -> Checked<String> {
        let fits = |k: &Kind| {
            let o = k.options();
            matches!(k, Kind::Choice { .. }) && o.iter().any(|x| x == "female") && o.iter().any(|x| x == "male")
        };
        Ok(self.input(id, "a choice with the options `female` and `male`", fits, span, user)?.id.clone())
    }

    fn expr(&mut self, e: &Expr) -> Checked<Typed<'b>> {
        match &e.kind {
            ExprKind::Bool(b) => Ok(Typed::Truth(Node::Bool(*b))),
            ExprKind::Number { value, unit } => Ok(Typed::Literal { value: *value, unit: unit.clone(), span: e.span }),
            ExprKind::Name(n) => self.name(n, e.span),
            ExprKind::List(_) => self.fail(e.span, "a list can only follow `in` or be given to a function"),
            ExprKind::Not(inner) => Ok(Typed::Truth(Node::Not(Box::new(self.truth(inner)?)))),
            ExprKind::Neg(inner) => {
                let (node, q) = self.number(inner, None)?;
                Ok(Typed::Number(Node::Neg(Box::new(node)), q))
            }
            ExprKind::Binary(op @ (BinOp::And | BinOp::Or), l, r) => {
                let (l, r) = (self.truth(l), self.truth(r));
                let (l, r) = (Box::new(l?), Box::new(r?));
                Ok(Typed::Truth(if *op == BinOp::And { Node::And(l, r) } else { Node::Or(l, r) }))
            }
            ExprKind::Binary(op, l, r) => self.binary(*op, l, r, e.span),
            ExprKind::In { value, list, negated } => {
                let node = self.membership(value, list)?;
                Ok(Typed::Truth(if *negated { Node::Not(Box::new(node)) } else { node }))
            }
            ExprKind::Call { name, name_span, args } => self.call(name, *name_span, args, e.span),
        }
    }

    fn truth(&mut self, e: &Expr) -> Checked<Node> {
        match self.expr(e)? {
            Typed::Truth(n) => Ok(n),
            Typed::Number(..) | Typed::Literal { .. } => {
                self.fail(e.span, "this is a number, not a condition: compare it, e.g. `>= 8`")
            }
            Typed::Question(q, span) => self.fail(
                span,
                format!(
                    "`{}` is {}: use `==` or `in [...]` with its options, or a function",
                    q.id,
                    kind_phrase(&q.kind)
                ),
            ),
        }
    }

    /// A number; a literal is read in `unit_of`'s units.
    fn number(&mut self, e: &Expr, unit_of: Option<&'static Quantity>) -> Checked<(Node, Option<&'static Quantity>)> {
        let typed = self.expr(e)?;
        self.as_number(typed, e.span, unit_of)
    }

    fn as_number(
        &mut self,
        typed: Typed<'b>,
        span: Span,
        unit_of: Option<&'static Quantity>,
    ) -> Checked<(Node, Option<&'static Quantity>)> {
        match typed {
            Typed::Number(n, q) => Ok((n, q)),
            Typed::Literal { value, unit, span } => {
                Ok((Node::Literal(self.literal(value, unit, span, unit_of)?), unit_of))
            }
            Typed::Truth(_) => self.fail(span, "this is a yes/no condition, not a number"),
            Typed::Question(q, span) => {
                self.fail(span, format!("`{}` is {}, not a number", q.id, kind_phrase(&q.kind)))
            }
        }
    }

    fn literal(
        &mut self,
        value: f64,
        unit: Option<(String, Span)>,
        span: Span,
        quantity: Option<&'static Quantity>,
    ) -> Checked<f64> {
        match (unit, quantity) {
            (None, None) => Ok(value),
            (Some((u, uspan)), Some(q)) => match q.to_canonical(value, &u) {
                Ok(v) => Ok(v),
                Err(e) => self.fail(uspan, e.to_string()),
            },
            (None, Some(q)) => {
                self.fail(span, format!("`{value}` needs a unit: it is compared with {}", quantity_name(Some(q))))
            }
            (Some((u, uspan)), None) => {
                self.fail(uspan, format!("`{u}` does not fit here: the other side is a plain number"))
            }
        }
    }

    fn binary(&mut self, op: BinOp, l: &Expr, r: &Expr, span: Span) -> Checked<Typed<'b>> {
        // `sex == female`: the right side is an option, not a question.
        if matches!(op, BinOp::Eq | BinOp::Ne)
            && let ExprKind::Name(name) = &l.kind
            && let Some(q) = self.bank.get(name).filter(|q| matches!(q.kind, Kind::Choice { .. }))
        {
            let option = match &r.kind {
                ExprKind::Name(o) => o.clone(),
                _ => {
                    return self.fail(
                        r.span,
                        format!("compare `{name}` with one of its options: {}", q.kind.options().join(", ")),
                    );
                }
            };
            let node = self.options(q, &[(option, r.span)])?;
            let node = Node::ChoiceIn(q.id.clone(), node);
            return Ok(Typed::Truth(if op == BinOp::Ne { Node::Not(Box::new(node)) } else { node }));
        }
        let (lt, rt) = (self.expr(l), self.expr(r));
        let (lt, rt) = (lt?, rt?);
        let unit_of = |t: &Typed| match t {
            Typed::Number(_, q) => *q,
            _ => None,
        };
        match op {
            BinOp::Mul | BinOp::Div => {
                let (ln, lq) = self.as_number(lt, l.span, None)?;
                let (rn, rq) = self.as_number(rt, r.span, None)?;
                let q = match (op, lq, rq) {
                    (_, q, None) => q,
                    (BinOp::Mul, None, q) => q,
                    (BinOp::Div, Some(a), Some(b)) if a == b => None,
                    _ => {
                        return self.fail(
                            span,
                            format!(
                                "cannot {} {} by {}",
                                if op == BinOp::Mul { "multiply" } else { "divide" },
                                quantity_name(lq),
                                quantity_name(rq)
                            ),
                        );
                    }
                };
                let a = if op == BinOp::Mul { Arith::Mul } else { Arith::Div };
                Ok(Typed::Number(Node::Arith(a, Box::new(ln), Box::new(rn)), q))
            }
            _ => {
                // Both sides must be the same quantity; a literal takes the other side's.
                let quantity = unit_of(&lt).or(unit_of(&rt));
                let (ln, lq) = self.as_number(lt, l.span, quantity)?;
                let (rn, rq) = self.as_number(rt, r.span, quantity)?;
                if lq != rq {
                    return self.fail(span, format!("compares {} with {}", quantity_name(lq), quantity_name(rq)));
                }
                let (l, r) = (Box::new(ln), Box::new(rn));
                Ok(match op {
                    BinOp::Add => Typed::Number(Node::Arith(Arith::Add, l, r), lq),
                    BinOp::Sub => Typed::Number(Node::Arith(Arith::Sub, l, r), lq),
                    BinOp::Lt => Typed::Truth(Node::Compare(Compare::Lt, l, r)),
                    BinOp::Le => Typed::Truth(Node::Compare(Compare::Le, l, r)),
                    BinOp::Gt => Typed::Truth(Node::Compare(Compare::Gt, l, r)),
                    BinOp::Ge => Typed::Truth(Node::Compare(Compare::Ge, l, r)),
                    BinOp::Eq => Typed::Truth(Node::Compare(Compare::Eq, l, r)),
                    _ => Typed::Truth(Node::Compare(Compare::Ne, l, r)),
                })
            }
        }
    }

    fn options(&mut self, q: &Question, items: &[(String, Span)]) -> Checked<Vec<String>> {
        let mut ok = true;
        for (item, span) in items {
            if !q.has_option(item) {
                ok = false;
                self.errors.push(CheckError {
                    span: *span,
                    message: format!(
                        "`{item}` is not an option of `{}` (options: {})",
                        q.id,
                        q.kind.options().join(", ")
                    ),
                });
            }
        }
        if ok { Ok(items.iter().map(|i| i.0.clone()).collect()) } else { Err(()) }
    }

    fn membership(&mut self, value: &Expr, list: &Expr) -> Checked<Node> {
        let ExprKind::List(items) = &list.kind else {
            return self.fail(list.span, "expected a list");
        };
        let q = match self.expr(value)? {
            Typed::Question(q, _) => q,
            _ => {
                return self.fail(value.span, "`in` needs a choice, multiple-choice or medicines question on its left");
            }
        };
        let options = self.options(q, items)?;
        Ok(match q.kind {
            Kind::Choice { .. } => Node::ChoiceIn(q.id.clone(), options),
            Kind::Multi { .. } => Node::MultiAny(tick_list(q), options),
            Kind::Medications { .. } => {
                Node::Compare(Compare::Ge, Box::new(Node::Count(q.id.clone(), options)), Box::new(Node::Literal(1.0)))
            }
            _ => {
                return self.fail(value.span, format!("`in` does not apply to {}", kind_phrase(&q.kind)));
            }
        })
    }

    fn arity(&mut self, name: &str, args: &[Expr], n: usize, span: Span) -> Checked<()> {
        if args.len() == n {
            Ok(())
        } else {
            self.fail(span, format!("`{name}` takes {n} argument{}, not {}", if n == 1 { "" } else { "s" }, args.len()))
        }
    }

    /// An argument that names a question of one of the given kinds.
    fn question_arg(
        &mut self,
        arg: Option<&Expr>,
        kinds: &[&str],
        function: &str,
        span: Span,
    ) -> Checked<&'b Question> {
        let Some(arg) = arg else {
            return self.fail(span, format!("`{function}` is missing an argument"));
        };
        let ExprKind::Name(name) = &arg.kind else {
            return self.fail(arg.span, format!("`{function}` needs a question here ({})", kinds.join(" or ")));
        };
        let q = self.question(name, arg.span)?;
        if kinds.contains(&q.kind.name()) {
            Ok(q)
        } else {
            self.fail(
                arg.span,
                format!(
                    "`{function}` needs {} question here; `{name}` is {}",
                    kinds.join(" or "),
                    kind_phrase(&q.kind)
                ),
            )
        }
    }

    fn list_arg(&mut self, arg: Option<&Expr>, function: &str, span: Span) -> Checked<Vec<(String, Span)>> {
        match arg.map(|a| (&a.kind, a.span)) {
            Some((ExprKind::List(items), _)) => Ok(items.clone()),
            Some((_, s)) => self.fail(s, format!("`{function}` needs a list here, like `[a, b]`")),
            None => self.fail(span, format!("`{function}` is missing its list")),
        }
    }

    /// Every option of `q` (or every listed item) must be known to a calculator.
    fn known_to(
        &mut self,
        ids: impl IntoIterator<Item = (String, Span)>,
        known: impl Fn(&str) -> bool,
        what: &str,
    ) -> Checked<()> {
        let bad: Vec<_> = ids.into_iter().filter(|(id, _)| !known(id)).collect();
        for (id, span) in &bad {
            self.errors.push(CheckError { span: *span, message: format!("`{id}` is not a {what}") });
        }
        if bad.is_empty() { Ok(()) } else { Err(()) }
    }

    fn call(&mut self, name: &str, name_span: Span, args: &[Expr], span: Span) -> Checked<Typed<'b>> {
        let plain = |node| Ok(Typed::Number(node, None));
        match name {
            "count" | "count_intolerant" => {
                self.arity(name, args, 2, span)?;
                let kinds: &[&str] = if name == "count" { &["multi", "medications"] } else { &["medications"] };
                let q = self.question_arg(args.first(), kinds, name, span)?;
                let items = self.list_arg(args.get(1), name, span)?;
                let options = self.options(q, &items)?;
                plain(match (name, &q.kind) {
                    ("count", Kind::Multi { .. }) => Node::CountTicked(tick_list(q), options),
                    ("count", _) => Node::Count(q.id.clone(), options),
                    _ => Node::CountIntolerant(q.id.clone(), options),
                })
            }
            "count_taken" => {
                self.arity(name, args, 3, span)?;
                let q = self.question_arg(args.first(), &["medications"], name, span)?;
                let items = self.list_arg(args.get(1), name, span)?;
                let options = self.options(q, &items)?;
                let months = match args.get(2).map(|a| &a.kind) {
                    Some(ExprKind::Number { value, unit: None }) => *value,
                    _ => {
                        return self
                            .fail(args.get(2).map_or(span, |a| a.span), "`count_taken` needs a number of months here");
                    }
                };
                let courses = match &q.kind {
                    Kind::Medications { courses, .. } => courses.clone(),
                    _ => vec![],
                };
                plain(Node::CountTaken { question: q.id.clone(), options, months, courses })
            }
            "sledai2k" | "sledai2k_lab" | "sledai2k_without_cns" | "sledai2k_clinical" | "sledai2k_without" => {
                // An optional first argument: the doctor's total, a plain number question.
                let total = match args.first().map(|a| &a.kind) {
                    Some(ExprKind::Name(n))
                        if self.bank.get(n).is_some_and(|q| matches!(q.kind, Kind::Number { quantity: None, .. })) =>
                    {
                        Some(n.clone())
                    }
                    _ => None,
                };
                let args = if total.is_some() { args.get(1..).unwrap_or_default() } else { args };
                self.arity(name, args, if name == "sledai2k_without" { 2 } else { 1 }, span)?;
                let q = self.question_arg(args.first(), &["multi"], name, span)?;
                let arg_span = args.first().map_or(span, |a| a.span);
                let options = q.kind.options().iter().map(|o| (o.clone(), arg_span));
                self.known_to(options, |id| sledai::descriptor(id).is_some(), "SLEDAI-2K descriptor")?;
                let variant = match name {
                    "sledai2k" => sledai::Variant::Total,
                    "sledai2k_lab" => sledai::Variant::LaboratoryPoints,
                    "sledai2k_without_cns" => sledai::Variant::WithoutCns,
                    "sledai2k_clinical" => sledai::Variant::Clinical,
                    _ => {
                        let items = self.list_arg(args.get(1), name, span)?;
                        self.known_to(items.clone(), |id| sledai::descriptor(id).is_some(), "SLEDAI-2K descriptor")?;
                        sledai::Variant::Without(items.into_iter().map(|i| i.0).collect())
                    }
                };
                plain(Node::Sledai { items: tick_list(q), total, variant })
            }
            "eular_acr_score" | "eular_acr_classified" => {
                let classified = name == "eular_acr_classified";
                self.arity(name, args, if classified { 2 } else { 1 }, span)?;
                let ana = if classified {
                    match args.first() {
                        Some(a) => Some(self.truth(a)?),
                        None => None,
                    }
                } else {
                    None
                };
                let q = self.question_arg(args.get(usize::from(classified)), &["multi"], name, span)?;
                let arg_span = args.get(usize::from(classified)).map_or(span, |a| a.span);
                let options = q.kind.options().iter().map(|o| (o.clone(), arg_span));
                self.known_to(options, |id| eular_acr::item(id).is_some(), "2019 EULAR/ACR item")?;
                match ana {
                    Some(ana) => Ok(Typed::Truth(Node::EularAcrClassified(Box::new(ana), tick_list(q)))),
                    None => plain(Node::EularAcrScore(tick_list(q))),
                }
            }
            "at_least" => {
                let k = match args.first().map(|a| &a.kind) {
                    Some(ExprKind::Number { value, unit: None }) if value.fract() == 0.0 && *value >= 1.0 => {
                        *value as usize
                    }
                    _ => {
                        return self.fail(
                            args.first().map_or(span, |a| a.span),
                            "`at_least` needs a whole number first, like `at_least(2, a, b, c)`",
                        );
                    }
                };
                let rest = args.get(1..).unwrap_or_default();
                if rest.len() < k {
                    return self.fail(span, format!("`at_least({k}, ...)` needs at least {k} conditions"));
                }
                let conditions: Vec<Checked<Node>> = rest.iter().map(|a| self.truth(a)).collect();
                let conditions = conditions.into_iter().collect::<Checked<Vec<Node>>>()?;
                Ok(Typed::Truth(Node::AtLeast(k, conditions)))
            }
            "months_since" => {
                self.arity(name, args, 1, span)?;
                let q = self.question_arg(args.first(), &["date"], name, span)?;
                plain(Node::MonthsSince(q.id.clone()))
            }
            "egfr_schwartz" => {
                self.arity(name, args, 2, span)?;
                let creatinine = self.quantity_arg(args.first(), "creatinine", name, span);
                let height = self.quantity_arg(args.get(1), "height", name, span);
                let (creatinine, height) = (creatinine?, height?);
                Ok(Typed::Number(
                    Node::Egfr(Box::new(Egfr {
                        formula: Formula::BedsideSchwartz,
                        creatinine,
                        height: Some(height),
                        age: None,
                        sex: None,
                    })),
                    Quantity::by_id("egfr"),
                ))
            }
            "egfr_ckd_epi" => {
                self.arity(name, args, 3, span)?;
                let creatinine = self.quantity_arg(args.first(), "creatinine", name, span);
                let age = match args.get(1) {
                    Some(a) => self.number(a, None).and_then(|(n, q)| match q {
                        None => Ok(n),
                        Some(_) => self.fail(a.span, "the age must be a plain number of years"),
                    }),
                    None => self.fail(span, "`egfr_ckd_epi` is missing the age"),
                };
                let sex_arg = args.get(2);
                let sex = match sex_arg.map(|a| (&a.kind, a.span)) {
                    Some((ExprKind::Name(n), s)) => self.sex(n, s, name),
                    _ => self.fail(sex_arg.map_or(span, |a| a.span), "`egfr_ckd_epi` needs the sex question here"),
                };
                let (creatinine, age, sex) = (creatinine?, age?, sex?);
                Ok(Typed::Number(
                    Node::Egfr(Box::new(Egfr {
                        formula: Formula::CkdEpi2021,
                        creatinine,
                        height: None,
                        age: Some(age),
                        sex: Some(sex),
                    })),
                    Quantity::by_id("egfr"),
                ))
            }
            _ => {
                let names: Vec<&str> = FUNCTIONS.iter().filter_map(|(sig, _)| sig.split('(').next()).collect();
                self.fail(name_span, format!("unknown function `{name}` (functions: {})", names.join(", ")))
            }
        }
    }

    fn quantity_arg(&mut self, arg: Option<&Expr>, quantity: &str, function: &str, span: Span) -> Checked<Node> {
        let Some(arg) = arg else {
            return self.fail(span, format!("`{function}` is missing its {quantity}"));
        };
        let wanted = Quantity::by_id(quantity);
        let (node, q) = self.number(arg, wanted)?;
        if q != wanted {
            return self.fail(
                arg.span,
                format!("`{function}` needs {} here, not {}", quantity_name(wanted), quantity_name(q)),
            );
        }
        Ok(node)
    }
}

/// A multiple-choice question as the calculators read it, with the items
/// other answers imply.
fn tick_list(q: &Question) -> TickList {
    TickList { question: q.id.clone(), implied: q.implied.clone() }
}

/// Checks a parsed rule: it must be a condition, and everything it names must exist.
pub fn check(expr: &Expr, bank: &QuestionBank) -> Result<Node, Vec<CheckError>> {
    let mut checker = Checker { bank, errors: Vec::new() };
    match checker.truth(expr) {
        Ok(node) if checker.errors.is_empty() => Ok(node),
        _ => Err(checker.errors),
    }
}
