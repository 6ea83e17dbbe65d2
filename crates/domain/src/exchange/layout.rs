//! The indented layout of the files people may open in an editor, made from compact JSON
//! text. Writing files compactly and laying them out afterwards means the app carries one
//! serialiser for each type instead of two (compact for storage and the cipher, indented
//! for files); the layout is exactly serde_json's pretty one, checked by a property test.

/// Lays out compact JSON (no whitespace outside strings) as serde_json's pretty printer
/// does: two spaces a level, `": "` between a key and its value, `[]` and `{}` when empty.
pub fn indented(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() + compact.len() / 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = compact.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        out.extend(std::iter::repeat_n("  ", depth));
    };
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                if let Some(&close @ ('}' | ']')) = chars.peek() {
                    out.push(close);
                    chars.next();
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_values_are_laid_out_as_serde_json_does() {
        let value = serde_json::json!({
            "a": [1, {"b": "x, y: {z}"}, [], {}],
            "quote \" and \\ back": "\\",
            "empty": {},
            "n": null
        });
        assert_eq!(
            indented(&value.to_string()),
            serde_json::to_string_pretty(&value).unwrap()
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use proptest::prelude::*;
        use serde_json::Value;

        use super::super::indented;

        fn any_json() -> impl Strategy<Value = Value> {
            let leaf = prop_oneof![
                Just(Value::Null),
                any::<bool>().prop_map(Value::from),
                any::<i64>().prop_map(Value::from),
                "\\PC{0,12}".prop_map(Value::from),
                "[\"\\\\{}\\[\\],: ]{0,8}".prop_map(Value::from),
            ];
            leaf.prop_recursive(4, 48, 6, |inner| {
                prop_oneof![
                    proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
                    proptest::collection::btree_map("\\PC{0,6}", inner, 0..6)
                        .prop_map(|m| Value::Object(m.into_iter().collect())),
                ]
            })
        }

        proptest! {
            #[test]
            fn any_json_is_laid_out_exactly_as_serde_json_lays_it_out(value in any_json()) {
                prop_assert_eq!(indented(&value.to_string()), serde_json::to_string_pretty(&value).unwrap());
            }
        }
    }
}
