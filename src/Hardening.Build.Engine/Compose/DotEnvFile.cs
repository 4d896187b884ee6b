using System.Collections.Generic;
using System.Text;

namespace Hardening.Build.Compose
{
    /// <summary>The variables of a Compose <c>.env</c> file, or the first line that cannot be read.</summary>
    public sealed class DotEnvFile
    {
        private DotEnvFile(IReadOnlyDictionary<string, string> variables, string? error, int errorLine)
        {
            Variables = variables;
            Error = error;
            ErrorLine = errorLine;
        }

        public IReadOnlyDictionary<string, string> Variables { get; }

        public string? Error { get; }

        /// <summary>1-based line of <see cref="Error"/>; 0 when there is none.</summary>
        public int ErrorLine { get; }

        /// <summary>
        /// Parses <c>.env</c> text as Docker Compose does: <c>KEY=value</c> or <c>KEY: value</c>, an optional
        /// <c>export</c> prefix, comments, unquoted values ending at <c> #</c>, double-quoted values with
        /// escapes and interpolation, literal single-quoted values, and quoted values over several lines.
        /// Variables already in <paramref name="environment"/> win over the file.
        /// </summary>
        public static DotEnvFile Parse(string text, IReadOnlyDictionary<string, string> environment)
        {
            var variables = new Dictionary<string, string>();
            var lookup = new Dictionary<string, string>();
            foreach (KeyValuePair<string, string> pair in environment)
            {
                lookup[pair.Key] = pair.Value;
            }

            var reader = new Reader(text);
            while (!reader.AtEnd)
            {
                reader.SkipBlankAndComments();
                if (reader.AtEnd)
                {
                    break;
                }

                int line = reader.Line;
                if (!reader.TryReadAssignment(lookup, out string key, out string? value, out bool isKnown, out string? error))
                {
                    // The environment's variables stay known even though the file stops here.
                    AddEnvironment(variables, environment);
                    return new DotEnvFile(variables, error, line);
                }

                if (value == null)
                {
                    // A bare KEY takes its value from the environment, and only when it is set there.
                    if (environment.TryGetValue(key, out string? fromEnvironment))
                    {
                        variables[key] = fromEnvironment;
                    }

                    continue;
                }

                // A value that depends on an unset variable stays unset, so what reads it is unknown too.
                if (isKnown && !environment.ContainsKey(key))
                {
                    variables[key] = value;
                    lookup[key] = value;
                }
            }

            AddEnvironment(variables, environment);
            return new DotEnvFile(variables, null, 0);
        }

        private static void AddEnvironment(Dictionary<string, string> variables, IReadOnlyDictionary<string, string> environment)
        {
            foreach (KeyValuePair<string, string> pair in environment)
            {
                variables[pair.Key] = pair.Value;
            }
        }

        private sealed class Reader
        {
            private readonly string _text;
            private int _position;

            public Reader(string text)
            {
                _text = text.Replace("\r\n", "\n");
                Line = 1;
            }

            public int Line { get; private set; }

            public bool AtEnd => _position >= _text.Length;

            public void SkipBlankAndComments()
            {
                while (!AtEnd)
                {
                    int lineEnd = LineEnd(_position);
                    string content = _text.Substring(_position, lineEnd - _position).Trim();
                    if (content.Length != 0 && content[0] != '#')
                    {
                        return;
                    }

                    Advance(lineEnd);
                }
            }

            public bool TryReadAssignment(
                Dictionary<string, string> lookup,
                out string key,
                out string? value,
                out bool isKnown,
                out string? error)
            {
                value = null;
                isKnown = true;
                error = null;
                SkipSpaces();
                if (_text.Length - _position > 7 && string.CompareOrdinal(_text, _position, "export ", 0, 7) == 0)
                {
                    _position += 7;
                    SkipSpaces();
                }

                int keyStart = _position;
                while (!AtEnd && IsKeyCharacter(_text[_position]))
                {
                    _position++;
                }

                key = _text.Substring(keyStart, _position - keyStart);
                SkipSpaces();
                if (key.Length == 0 || (!AtEnd && _text[_position] != '=' && _text[_position] != ':' && _text[_position] != '\n'))
                {
                    error = $"line {Line} is not KEY=VALUE: a key may contain only letters, digits, '_', '.', '-', '[' and ']'";
                    return false;
                }

                if (AtEnd || _text[_position] == '\n')
                {
                    Advance(LineEnd(_position));
                    return true;
                }

                _position++;
                SkipSpaces();
                char quote = AtEnd ? '\0' : _text[_position];
                if (quote == '"' || quote == '\'')
                {
                    return TryReadQuoted(quote, lookup, out value, out isKnown, out error);
                }

                int lineEnd = LineEnd(_position);
                string raw = _text.Substring(_position, lineEnd - _position);
                int comment = raw.IndexOf(" #", System.StringComparison.Ordinal);
                if (comment >= 0)
                {
                    raw = raw.Substring(0, comment);
                }

                value = Expand(raw.Trim(), lookup, out isKnown);
                Advance(lineEnd);
                return true;
            }

            private bool TryReadQuoted(char quote, Dictionary<string, string> lookup, out string? value, out bool isKnown, out string? error)
            {
                int startLine = Line;
                _position++;
                var builder = new StringBuilder();
                while (!AtEnd && _text[_position] != quote)
                {
                    char c = _text[_position];
                    if (c == '\\' && _position + 1 < _text.Length)
                    {
                        char next = _text[_position + 1];
                        if (quote == '\'' && next == '\'')
                        {
                            builder.Append('\'');
                            _position += 2;
                            continue;
                        }

                        if (quote == '"')
                        {
                            _position += 2;
                            builder.Append(Unescape(next));
                            continue;
                        }
                    }

                    if (c == '\n')
                    {
                        Line++;
                    }

                    builder.Append(c);
                    _position++;
                }

                if (AtEnd)
                {
                    value = null;
                    isKnown = false;
                    error = $"the {(quote == '"' ? "double" : "single")} quote opened on line {startLine} is never closed";
                    return false;
                }

                _position++;
                Advance(LineEnd(_position));
                error = null;
                if (quote == '\'')
                {
                    value = builder.ToString();
                    isKnown = true;
                    return true;
                }

                value = Expand(builder.ToString(), lookup, out isKnown);
                return true;
            }

            private static string Unescape(char escaped) => escaped switch
            {
                'n' => "\n",
                't' => "\t",
                'r' => "\r",
                '\\' => "\\",
                '"' => "\"",
                '$' => "$$",
                _ => "\\" + escaped,
            };

            private static string Expand(string raw, Dictionary<string, string> lookup, out bool isKnown)
            {
                InterpolatedText result = ComposeInterpolator.Interpolate(raw, lookup);
                isKnown = result.IsKnown;
                return result.Text;
            }

            private void SkipSpaces()
            {
                while (!AtEnd && (_text[_position] == ' ' || _text[_position] == '\t'))
                {
                    _position++;
                }
            }

            private int LineEnd(int from)
            {
                int end = _text.IndexOf('\n', from);
                return end < 0 ? _text.Length : end;
            }

            private void Advance(int lineEnd)
            {
                _position = lineEnd;
                if (!AtEnd)
                {
                    _position++;
                    Line++;
                }
            }

            private static bool IsKeyCharacter(char c) =>
                (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '_' || c == '.' || c == '-' || c == '[' || c == ']';
        }
    }
}
