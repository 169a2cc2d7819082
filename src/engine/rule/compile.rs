//! Compiles a parsed rule against the question bank: names resolved to
//! questions, units converted, functions looked up in the table it is given
//! (`functions::TABLE`, whose entries call back into the compiler's helpers).
//!
//! Every mistake a trial author can make in a rule is reported here with its
//! position: an unknown question, a unit that does not fit, a yes/no compared
//! with a number, an option the question does not have.

use super::error::{Kind as ErrorKind, RuleError};
use super::node::{Cond, Implications, Num, TickList};
use super::op::{Arith, BinOp, Compare};
use super::syntax::{Expr, ExprKind, Span};
use crate::clinical::units::Quantity;
use crate::engine::question::{DatePrecision, Kind, Question, QuestionBank, Shared};
use serde::Serialize;

/// A call as written: `count(lupus_medicines, [tacrolimus])`, or a derived
/// name (`egfr`) with no arguments.
pub struct Call<'e> {
    pub name: &'e str,
    pub args: &'e [Expr<'e>],
    pub span: Span,
}

pub(super) type CompileFn = for<'b, 'e> fn(&mut Compiler<'b>, &Call<'e>) -> Checked<Typed<'b>>;

/// What a function gives: a number to compare, or a condition.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Gives {
    Number,
    Condition,
}

#[derive(Serialize)]
pub struct Function {
    pub name: &'static str,
    /// How it is written; a derived name is written without parentheses.
    pub usage: &'static str,
    pub gives: Gives,
    pub doc: &'static str,
    #[serde(skip)]
    pub(super) compile: CompileFn,
}

impl Function {
    /// A name that stands for a value (`age_years`), not a call.
    pub fn is_derived(&self) -> bool {
        !self.usage.contains('(')
    }
}

impl Function {
    /// A function written with parentheses, by name, in `table`.
    fn called(table: &'static [Function], name: &str) -> Option<&'static Function> {
        table.iter().find(|f| f.name == name && !f.is_derived())
    }

    /// A derived name (`age_years`, `egfr`, `study_team`), in `table`.
    fn derived(table: &'static [Function], name: &str) -> Option<&'static Function> {
        table.iter().find(|f| f.name == name && f.is_derived())
    }
}

/// What a piece of a rule turned out to be.
pub(super) enum Typed<'b> {
    Truth(Cond),
    Number(Num, Option<&'static Quantity>),
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

/// `Err(())`: the problem is already in `Compiler::errors`.
pub(super) type Checked<T> = Result<T, ()>;

pub(super) struct Compiler<'b> {
    pub(super) bank: &'b QuestionBank,
    implied: &'b Implications,
    /// The language's functions and derived names (`functions::TABLE`):
    /// given, so that the compiler and the table it calls need not know each other.
    functions: &'static [Function],
    errors: Vec<RuleError>,
    /// The parameters of the shared name being expanded, by name: a shared
    /// name's rule sees its own parameters only.
    params: Vec<Vec<(&'b str, f64)>>,
}

/// How deep shared names may use one another: a name that uses itself is
/// stopped here rather than expanding for ever.
const MAX_SHARED_DEPTH: usize = 8;

pub(super) fn quantity_name(q: Option<&Quantity>) -> String {
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

impl<'b> Compiler<'b> {
    /// A multiple-choice question as the calculators read it, with the items
    /// other answers imply.
    pub(super) fn tick_list(&self, q: &Question) -> TickList {
        TickList { question: q.id.clone(), implied: self.implied.of(&q.id) }
    }

    pub(super) fn fail<T>(&mut self, kind: ErrorKind, span: Span, message: impl Into<String>) -> Checked<T> {
        self.errors.push(RuleError::new(kind, span, message));
        Err(())
    }

    fn fail_with_help<T>(&mut self, kind: ErrorKind, span: Span, message: String, help: Option<String>) -> Checked<T> {
        self.errors.push(RuleError { help, ..RuleError::new(kind, span, message) });
        Err(())
    }

    pub(super) fn question(&mut self, name: &str, span: Span) -> Checked<&'b Question> {
        match self.bank.get(name) {
            Some(q) => Ok(q),
            None => {
                let help = self.bank.suggest(name).map(|s| format!("did you mean `{s}`?"));
                self.fail_with_help(ErrorKind::UnknownName, span, format!("unknown question `{name}`"), help)
            }
        }
    }

    /// A question the derived names and functions rely on, of the right kind.
    pub(super) fn input(
        &mut self,
        id: &str,
        wanted: &str,
        fits: impl Fn(&Kind) -> bool,
        span: Span,
        user: &str,
    ) -> Checked<&'b Question> {
        match self.bank.get(id) {
            Some(q) if fits(&q.kind) => Ok(q),
            Some(_) => self.fail(ErrorKind::MissingInput, span, format!("`{user}` needs `{id}` to be {wanted}")),
            None => self.fail(
                ErrorKind::MissingInput,
                span,
                format!("`{user}` needs the question `{id}` ({wanted}) in the question bank"),
            ),
        }
    }

    fn name(&mut self, name: &str, span: Span) -> Checked<Typed<'b>> {
        if let Some(value) = self.param(name) {
            return Ok(Typed::Literal { value, unit: None, span });
        }
        if let Some(derived) = Function::derived(self.functions, name) {
            return (derived.compile)(self, &Call { name, args: &[], span });
        }
        if let Some(shared) = self.bank.shared_name(name) {
            return self.expand(shared, &[], span);
        }
        let q = self.question(name, span)?;
        Ok(match &q.kind {
            Kind::YesNo if q.window => Typed::Truth(Cond::Window(q.id.clone())),
            Kind::YesNo => Typed::Truth(Cond::YesNo(q.id.clone())),
            Kind::Number { quantity, .. } => Typed::Number(Num::Question(q.id.clone(), *quantity), *quantity),
            _ => Typed::Question(q, span),
        })
    }

    /// Age in completed years, from the full date of birth `user` relies on.
    pub(super) fn age(&mut self, span: Span, user: &str) -> Checked<Num> {
        let full_date = |k: &Kind| matches!(k, Kind::Date { precision: DatePrecision::Day });
        let dob = self.input("date_of_birth", "a full date", full_date, span, user)?;
        Ok(Num::AgeYears(dob.id.clone()))
    }

    pub(super) fn measurement(&mut self, id: &str, quantity: &str, span: Span, user: &str) -> Checked<Num> {
        let wanted = format!("a number in units of {quantity}");
        let fits = |k: &Kind| matches!(k, Kind::Number { quantity: Some(q), .. } if q.id == quantity);
        let q = self.input(id, &wanted, fits, span, user)?;
        Ok(Num::Question(q.id.clone(), Quantity::by_id(quantity)))
    }

    pub(super) fn sex(&mut self, id: &str, span: Span, user: &str) -> Checked<String> {
        let fits = |k: &Kind| {
            let o = k.options();
            matches!(k, Kind::Choice { .. }) && o.iter().any(|x| x == "female") && o.iter().any(|x| x == "male")
        };
        Ok(self.input(id, "a choice with the options `female` and `male`", fits, span, user)?.id.clone())
    }

    fn expr(&mut self, e: &Expr) -> Checked<Typed<'b>> {
        match &e.kind {
            ExprKind::Bool(b) => Ok(Typed::Truth(Cond::Bool(*b))),
            ExprKind::Number { value, unit } => {
                Ok(Typed::Literal { value: *value, unit: unit.map(|(u, s)| (u.to_string(), s)), span: e.span })
            }
            ExprKind::Name(n) => self.name(n, e.span),
            ExprKind::List(_) => {
                self.fail(ErrorKind::Type, e.span, "a list can only follow `in` or be given to a function")
            }
            ExprKind::Not(inner) => {
                let inner = self.truth(inner)?;
                if inner.has_study_team() {
                    // Whether the study team is needed can be said only of what is written plainly.
                    return self.fail(
                        ErrorKind::StudyTeamNegated, e.span,
                        "`not` around `study_team`: write the judgement the other way round (`x and study_team` for an exclusion, `not x or study_team` for an inclusion)",
                    );
                }
                Ok(Typed::Truth(Cond::Not(Box::new(inner))))
            }
            ExprKind::Neg(inner) => {
                let (node, q) = self.number(inner, None)?;
                Ok(Typed::Number(Num::Neg(Box::new(node)), q))
            }
            ExprKind::Binary(BinOp::Logic(op), l, r) => {
                let (l, r) = (self.truth(l), self.truth(r));
                Ok(Typed::Truth(Cond::Logic(*op, Box::new(l?), Box::new(r?))))
            }
            ExprKind::Binary(BinOp::Compare(op), l, r) => self.compare(*op, l, r, e.span),
            ExprKind::Binary(BinOp::Arith(op), l, r) => self.arith(*op, l, r, e.span),
            ExprKind::In { value, list, negated } => {
                let node = self.membership(value, list)?;
                Ok(Typed::Truth(if *negated { Cond::Not(Box::new(node)) } else { node }))
            }
            ExprKind::Call { name, name_span, args } => match Function::called(self.functions, name) {
                Some(f) => (f.compile)(self, &Call { name, args, span: e.span }),
                None => match self.bank.shared_name(name) {
                    Some(shared) => self.expand(shared, args, e.span),
                    None => {
                        let shared =
                            self.bank.shared().iter().filter(|s| !s.params.is_empty()).map(|s| s.name.as_str());
                        let called = self.functions.iter().filter(|f| !f.is_derived()).map(|f| f.name);
                        let known: Vec<&str> = called.chain(shared).collect();
                        self.fail_with_help(
                            ErrorKind::UnknownName,
                            *name_span,
                            format!("unknown function `{name}`"),
                            Some(format!("functions: {}", known.join(", "))),
                        )
                    }
                },
            },
        }
    }

    /// A parameter of the shared name being expanded.
    fn param(&self, name: &str) -> Option<f64> {
        self.params.last().and_then(|frame| frame.iter().find(|(n, _)| *n == name)).map(|(_, v)| *v)
    }

    /// A shared name, used: its rule compiled where it is used, its
    /// parameters the plain numbers given. A problem inside it is said at the use.
    fn expand(&mut self, shared: &'b Shared, args: &[Expr], span: Span) -> Checked<Typed<'b>> {
        if args.len() != shared.params.len() {
            return self.fail(ErrorKind::Shared, span, format!("`{}` is written `{}`", shared.name, shared.usage()));
        }
        let mut values = Vec::new();
        for arg in args {
            match &arg.kind {
                ExprKind::Number { value, unit: None } => values.push(*value),
                ExprKind::Name(n) if self.param(n).is_some() => values.extend(self.param(n)),
                _ => {
                    return self.fail(
                        ErrorKind::Shared,
                        arg.span,
                        format!("`{}` takes plain numbers here", shared.name),
                    );
                }
            }
        }
        if self.params.len() >= MAX_SHARED_DEPTH {
            return self.fail(ErrorKind::Shared, span, format!("`{}` uses itself", shared.name));
        }
        let parsed = match super::syntax::parse(&shared.rule) {
            Ok(parsed) => parsed,
            Err(e) => return self.fail(ErrorKind::Shared, span, format!("in `{}`: {}", shared.name, e.message)),
        };
        let before = self.errors.len();
        self.params.push(shared.params.iter().map(String::as_str).zip(values).collect());
        let out = self.expr(&parsed);
        self.params.pop();
        for e in self.errors.iter_mut().skip(before) {
            e.message = format!("in `{}`: {}", shared.name, e.message);
            e.span = span;
        }
        out
    }

    pub(super) fn truth(&mut self, e: &Expr) -> Checked<Cond> {
        match self.expr(e)? {
            Typed::Truth(n) => Ok(n),
            Typed::Number(..) | Typed::Literal { .. } => {
                self.fail(ErrorKind::Type, e.span, "this is a number, not a condition: compare it, e.g. `>= 8`")
            }
            Typed::Question(q, span) => self.fail(
                ErrorKind::Type,
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
    pub(super) fn number(
        &mut self,
        e: &Expr,
        unit_of: Option<&'static Quantity>,
    ) -> Checked<(Num, Option<&'static Quantity>)> {
        let typed = self.expr(e)?;
        self.as_number(typed, e.span, unit_of)
    }

    fn as_number(
        &mut self,
        typed: Typed<'b>,
        span: Span,
        unit_of: Option<&'static Quantity>,
    ) -> Checked<(Num, Option<&'static Quantity>)> {
        match typed {
            Typed::Number(n, q) => Ok((n, q)),
            Typed::Literal { value, unit, span } => {
                Ok((Num::Literal(self.literal(value, unit, span, unit_of)?), unit_of))
            }
            Typed::Truth(_) => self.fail(ErrorKind::Type, span, "this is a yes/no condition, not a number"),
            Typed::Question(q, span) => {
                self.fail(ErrorKind::Type, span, format!("`{}` is {}, not a number", q.id, kind_phrase(&q.kind)))
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
                Err(e) => self.fail(ErrorKind::Unit, uspan, e.to_string()),
            },
            (None, Some(q)) => self.fail(
                ErrorKind::Unit,
                span,
                format!("`{value}` needs a unit: it is compared with {}", quantity_name(Some(q))),
            ),
            (Some((u, uspan)), None) => {
                self.fail(ErrorKind::Unit, uspan, format!("`{u}` does not fit here: the other side is a plain number"))
            }
        }
    }

    fn compare(&mut self, op: Compare, l: &Expr, r: &Expr, span: Span) -> Checked<Typed<'b>> {
        // `sex == female`: the right side is an option, not a question.
        if matches!(op, Compare::Eq | Compare::Ne)
            && let ExprKind::Name(name) = &l.kind
            && let Some(q) = self.bank.get(name).filter(|q| matches!(q.kind, Kind::Choice { .. }))
        {
            let option = match &r.kind {
                ExprKind::Name(o) => o.to_string(),
                _ => {
                    return self.fail(
                        ErrorKind::Type,
                        r.span,
                        format!("compare `{name}` with one of its options: {}", q.kind.options().join(", ")),
                    );
                }
            };
            let options = self.options(q, &[(option, r.span)])?;
            let node = Cond::ChoiceIn(q.id.clone(), options);
            return Ok(Typed::Truth(if op == Compare::Ne { Cond::Not(Box::new(node)) } else { node }));
        }
        let (ln, rn, _) = self.same_quantity(l, r, span)?;
        Ok(Typed::Truth(Cond::Compare(op, Box::new(ln), Box::new(rn))))
    }

    /// Both sides as numbers of one quantity; a literal takes the other side's.
    fn same_quantity(&mut self, l: &Expr, r: &Expr, span: Span) -> Checked<(Num, Num, Option<&'static Quantity>)> {
        let (lt, rt) = (self.expr(l), self.expr(r));
        let (lt, rt) = (lt?, rt?);
        let unit_of = |t: &Typed| match t {
            Typed::Number(_, q) => *q,
            _ => None,
        };
        let quantity = unit_of(&lt).or(unit_of(&rt));
        let (ln, lq) = self.as_number(lt, l.span, quantity)?;
        let (rn, rq) = self.as_number(rt, r.span, quantity)?;
        if lq != rq {
            return self.fail(
                ErrorKind::Type,
                span,
                format!("compares {} with {}", quantity_name(lq), quantity_name(rq)),
            );
        }
        Ok((ln, rn, lq))
    }

    fn arith(&mut self, op: Arith, l: &Expr, r: &Expr, span: Span) -> Checked<Typed<'b>> {
        let (ln, rn, q) = match op {
            Arith::Add | Arith::Sub => self.same_quantity(l, r, span)?,
            Arith::Mul | Arith::Div => {
                let (ln, lq) = self.number(l, None)?;
                let (rn, rq) = self.number(r, None)?;
                let q = match (op, lq, rq) {
                    (_, q, None) => q,
                    (Arith::Mul, None, q) => q,
                    (Arith::Div, Some(a), Some(b)) if a == b => None,
                    _ => {
                        let verb = if op == Arith::Mul { "multiply" } else { "divide" };
                        return self.fail(
                            ErrorKind::Type,
                            span,
                            format!("cannot {verb} {} by {}", quantity_name(lq), quantity_name(rq)),
                        );
                    }
                };
                (ln, rn, q)
            }
        };
        Ok(Typed::Number(Num::Arith(op, Box::new(ln), Box::new(rn)), q))
    }

    pub(super) fn options(&mut self, q: &Question, items: &[(String, Span)]) -> Checked<Vec<String>> {
        let mut ok = true;
        for (item, span) in items {
            if !q.has_option(item) {
                ok = false;
                self.errors.push(RuleError {
                    help: Some(format!("options: {}", q.kind.options().join(", "))),
                    ..RuleError::new(ErrorKind::Option, *span, format!("`{item}` is not an option of `{}`", q.id))
                });
            }
        }
        if ok { Ok(items.iter().map(|i| i.0.clone()).collect()) } else { Err(()) }
    }

    fn membership(&mut self, value: &Expr, list: &Expr) -> Checked<Cond> {
        let ExprKind::List(items) = &list.kind else {
            return self.fail(ErrorKind::Arguments, list.span, "expected a list");
        };
        let q = match self.expr(value)? {
            Typed::Question(q, _) => q,
            _ => {
                return self.fail(
                    ErrorKind::Type,
                    value.span,
                    "`in` needs a choice, multiple-choice or medicines question on its left",
                );
            }
        };
        let options = self.options(q, items)?;
        Ok(match q.kind {
            Kind::Choice { .. } => Cond::ChoiceIn(q.id.clone(), options),
            Kind::Multi { .. } => Cond::MultiAny(self.tick_list(q), options),
            Kind::Medications { .. } => {
                Cond::Compare(Compare::Ge, Box::new(Num::Count(q.id.clone(), options)), Box::new(Num::Literal(1.0)))
            }
            _ => {
                return self.fail(
                    ErrorKind::Type,
                    value.span,
                    format!("`in` does not apply to {}", kind_phrase(&q.kind)),
                );
            }
        })
    }

    pub(super) fn arity(&mut self, call: &Call, n: usize) -> Checked<()> {
        if call.args.len() == n {
            Ok(())
        } else {
            let s = if n == 1 { "" } else { "s" };
            self.fail(
                ErrorKind::Arguments,
                call.span,
                format!("`{}` takes {n} argument{s}, not {}", call.name, call.args.len()),
            )
        }
    }

    /// An argument that names a question of one of the given kinds.
    pub(super) fn question_arg(&mut self, arg: Option<&Expr>, kinds: &[&str], call: &Call) -> Checked<&'b Question> {
        let function = call.name;
        let Some(arg) = arg else {
            return self.fail(ErrorKind::Arguments, call.span, format!("`{function}` is missing an argument"));
        };
        let ExprKind::Name(name) = &arg.kind else {
            return self.fail(
                ErrorKind::Arguments,
                arg.span,
                format!("`{function}` needs a question here ({})", kinds.join(" or ")),
            );
        };
        let q = self.question(name, arg.span)?;
        if kinds.contains(&q.kind.name()) {
            Ok(q)
        } else {
            self.fail(
                ErrorKind::Type,
                arg.span,
                format!(
                    "`{function}` needs {} question here; `{name}` is {}",
                    kinds.join(" or "),
                    kind_phrase(&q.kind)
                ),
            )
        }
    }

    pub(super) fn list_arg(&mut self, arg: Option<&Expr>, call: &Call) -> Checked<Vec<(String, Span)>> {
        match arg.map(|a| (&a.kind, a.span)) {
            Some((ExprKind::List(items), _)) => Ok(items.clone()),
            Some((_, s)) => {
                self.fail(ErrorKind::Arguments, s, format!("`{}` needs a list here, like `[a, b]`", call.name))
            }
            None => self.fail(ErrorKind::Arguments, call.span, format!("`{}` is missing its list", call.name)),
        }
    }

    /// Every listed id must be known to a calculator.
    pub(super) fn known_to(
        &mut self,
        ids: impl IntoIterator<Item = (String, Span)>,
        known: impl Fn(&str) -> bool,
        what: &str,
    ) -> Checked<()> {
        let bad: Vec<_> = ids.into_iter().filter(|(id, _)| !known(id)).collect();
        for (id, span) in &bad {
            self.errors.push(RuleError::new(ErrorKind::Option, *span, format!("`{id}` is not a {what}")));
        }
        if bad.is_empty() { Ok(()) } else { Err(()) }
    }

    pub(super) fn quantity_arg(&mut self, arg: Option<&Expr>, quantity: &str, call: &Call) -> Checked<Num> {
        let Some(arg) = arg else {
            return self.fail(ErrorKind::Arguments, call.span, format!("`{}` is missing its {quantity}", call.name));
        };
        let wanted = Quantity::by_id(quantity);
        let (node, q) = self.number(arg, wanted)?;
        if q != wanted {
            return self.fail(
                ErrorKind::Type,
                arg.span,
                format!("`{}` needs {} here, not {}", call.name, quantity_name(wanted), quantity_name(q)),
            );
        }
        Ok(node)
    }
}

/// Compiles a parsed rule: it must be a condition, and everything it names must exist.
pub fn compile(
    expr: &Expr,
    bank: &QuestionBank,
    implied: &Implications,
    functions: &'static [Function],
) -> Result<Cond, Vec<RuleError>> {
    let mut compiler = Compiler { bank, implied, functions, errors: Vec::new(), params: Vec::new() };
    match compiler.truth(expr) {
        Ok(node) if compiler.errors.is_empty() => Ok(node),
        _ => Err(compiler.errors),
    }
}

/// Checks a shared name's rule over the bank (and the shared names before
/// it), its parameters standing for plain numbers: a condition or a number.
pub fn compile_shared(
    expr: &Expr,
    params: &[String],
    bank: &QuestionBank,
    implied: &Implications,
    functions: &'static [Function],
) -> Result<(), Vec<RuleError>> {
    let frame = params.iter().map(|p| (p.as_str(), 1.0)).collect();
    let mut compiler = Compiler { bank, implied, functions, errors: Vec::new(), params: vec![frame] };
    let ok = match compiler.expr(expr) {
        Ok(Typed::Truth(_) | Typed::Number(..) | Typed::Literal { .. }) => true,
        Ok(Typed::Question(q, span)) => {
            compiler.errors.push(RuleError::new(
                ErrorKind::Type,
                span,
                format!("`{}` alone is neither a condition nor a number", q.id),
            ));
            false
        }
        Err(()) => false,
    };
    if ok && compiler.errors.is_empty() { Ok(()) } else { Err(compiler.errors) }
}
