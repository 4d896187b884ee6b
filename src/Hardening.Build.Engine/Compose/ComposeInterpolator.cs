using System.Collections.Generic;
using System.Text;

namespace Hardening.Build.Compose
{
    /// <summary>The text of a value after interpolation, or why it is not known.</summary>
    public readonly struct InterpolatedText
    {
        public InterpolatedText(string text, string? unsetVariable, string? error)
        {
            Text = text;
            UnsetVariable = unsetVariable;
            Error = error;
        }

        /// <summary>The result; an unset variable without a default contributes nothing.</summary>
        public string Text { get; }

        /// <summary>The first variable that has no value and no default; the text is then not what Compose would use.</summary>
        public string? UnsetVariable { get; }

        /// <summary>Why Compose would reject the expression (for example <c>${}</c>); null when valid.</summary>
        public string? Error { get; }

        public bool IsKnown => UnsetVariable == null && Error == null;
    }

    /// <summary>
    /// Replaces <c>$NAME</c> and <c>${NAME...}</c> in Compose values as Docker Compose v2 does:
    /// the operators <c>:-  -  :?  ?  :+  +</c>, nested expressions in defaults, and <c>$$</c> for a literal
    /// dollar sign. Values come only from the variables given, never from the machine's environment.
    /// </summary>
    public static class ComposeInterpolator
    {
        // Bounds the nesting of ${A:-${B:-...}} so a hostile value cannot exhaust the stack.
        private const int MaxNesting = 32;

        public static InterpolatedText Interpolate(string text, IReadOnlyDictionary<string, string> variables)
        {
            if (text.IndexOf('$') < 0)
            {
                return new InterpolatedText(text, null, null);
            }

            // Each level of nesting copies the rest of the text, so a deep value is rejected in one pass
            // before any copy is made.
            if (NestingDepth(text) > MaxNesting + 1)
            {
                return new InterpolatedText(string.Empty, null, $"interpolation nested deeper than {MaxNesting} levels");
            }

            var state = new State(variables);
            string result = state.Expand(text, 0);
            return new InterpolatedText(result, state.UnsetVariable, state.Error);
        }

        private sealed class State
        {
            private readonly IReadOnlyDictionary<string, string> _variables;

            public State(IReadOnlyDictionary<string, string> variables)
            {
                _variables = variables;
            }

            public string? UnsetVariable { get; private set; }

            public string? Error { get; private set; }

            public string Expand(string text, int depth)
            {
                var output = new StringBuilder(text.Length);
                int i = 0;
                while (i < text.Length)
                {
                    char c = text[i];
                    if (c != '$' || i + 1 >= text.Length)
                    {
                        output.Append(c);
                        i++;
                        continue;
                    }

                    char next = text[i + 1];
                    if (next == '$')
                    {
                        output.Append('$');
                        i += 2;
                    }
                    else if (next == '{')
                    {
                        int close = FindClosingBrace(text, i + 2);
                        if (close < 0)
                        {
                            SetError($"'{text.Substring(i)}' has no closing '}}'");
                            output.Append(text, i, text.Length - i);
                            break;
                        }

                        output.Append(ExpandBraced(text.Substring(i + 2, close - i - 2), depth));
                        i = close + 1;
                    }
                    else if (IsNameStart(next))
                    {
                        int end = i + 2;
                        while (end < text.Length && IsNamePart(text[end]))
                        {
                            end++;
                        }

                        output.Append(Lookup(text.Substring(i + 1, end - i - 1)));
                        i = end;
                    }
                    else
                    {
                        // A dollar sign not followed by a name or a brace stays as written.
                        output.Append(c);
                        i++;
                    }
                }

                return output.ToString();
            }

            private string ExpandBraced(string body, int depth)
            {
                int nameEnd = 0;
                while (nameEnd < body.Length && (nameEnd == 0 ? IsNameStart(body[nameEnd]) : IsNamePart(body[nameEnd])))
                {
                    nameEnd++;
                }

                if (nameEnd == 0)
                {
                    SetError($"'${{{body}}}' is not a valid interpolation: a variable name must start with a letter or '_'");
                    return string.Empty;
                }

                string name = body.Substring(0, nameEnd);
                if (nameEnd == body.Length)
                {
                    return Lookup(name);
                }

                string rest = body.Substring(nameEnd);
                bool colon = rest[0] == ':';
                string op = colon ? rest.Substring(0, System.Math.Min(2, rest.Length)) : rest.Substring(0, 1);
                if (op.Length == (colon ? 2 : 1) && IsOperator(op[op.Length - 1]))
                {
                    string argument = rest.Substring(op.Length);
                    return ApplyOperator(name, op[op.Length - 1], colon, argument, depth);
                }

                SetError($"'${{{body}}}' is not a valid interpolation: use ${{{name}}}, ${{{name}:-default}} or another Compose operator");
                return string.Empty;
            }

            private string ApplyOperator(string name, char op, bool emptyCountsAsUnset, string argument, int depth)
            {
                bool isSet = _variables.TryGetValue(name, out string? value);
                bool hasValue = isSet && !(emptyCountsAsUnset && string.IsNullOrEmpty(value));

                switch (op)
                {
                    case '-':
                        return hasValue ? value! : ExpandNested(argument, depth);
                    case '+':
                        return hasValue ? ExpandNested(argument, depth) : string.Empty;
                    default:
                        if (hasValue)
                        {
                            return value!;
                        }

                        // '?' makes Compose stop with the given message; the value stays unknown.
                        UnsetVariable ??= name;
                        return string.Empty;
                }
            }

            private string ExpandNested(string argument, int depth)
            {
                if (depth >= MaxNesting)
                {
                    SetError($"interpolation nested deeper than {MaxNesting} levels");
                    return string.Empty;
                }

                return Expand(argument, depth + 1);
            }

            private string Lookup(string name)
            {
                if (_variables.TryGetValue(name, out string? value))
                {
                    return value;
                }

                UnsetVariable ??= name;
                return string.Empty;
            }

            private void SetError(string message)
            {
                Error ??= message;
            }
        }

        /// <summary>Returns the deepest nesting of <c>${</c> in the text, counting an unclosed one as open to the end.</summary>
        private static int NestingDepth(string text)
        {
            int depth = 0;
            int deepest = 0;
            for (int i = 1; i < text.Length; i++)
            {
                if (text[i] == '{' && text[i - 1] == '$')
                {
                    depth++;
                    deepest = System.Math.Max(deepest, depth);
                }
                else if (text[i] == '}' && depth > 0)
                {
                    depth--;
                }
            }

            return deepest;
        }

        private static int FindClosingBrace(string text, int start)
        {
            int depth = 1;
            for (int i = start; i < text.Length; i++)
            {
                if (text[i] == '{' && i > 0 && text[i - 1] == '$')
                {
                    depth++;
                }
                else if (text[i] == '}')
                {
                    depth--;
                    if (depth == 0)
                    {
                        return i;
                    }
                }
            }

            return -1;
        }

        private static bool IsOperator(char c) => c == '-' || c == '?' || c == '+';

        private static bool IsNameStart(char c) => c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

        private static bool IsNamePart(char c) => IsNameStart(c) || (c >= '0' && c <= '9');
    }
}
