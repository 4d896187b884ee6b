using System;
using System.Text;
using System.Text.RegularExpressions;

namespace Hardening.Build.Syntax.Dockerfile
{
    public enum VariableState
    {
        /// <summary>Not defined: BuildKit expands it to an empty string.</summary>
        Unset,

        Set,

        /// <summary>Defined, but its value cannot be known here, such as an ARG with no default and no build argument.</summary>
        Unknown,
    }

    /// <summary>The value of a build variable as far as a static check can tell.</summary>
    public readonly struct VariableValue
    {
        private VariableValue(VariableState state, string value, string? unresolvedName)
        {
            State = state;
            Value = value;
            UnresolvedName = unresolvedName;
        }

        public static VariableValue Unset => new VariableValue(VariableState.Unset, string.Empty, null);

        public VariableState State { get; }

        /// <summary>The value; empty unless <see cref="State"/> is <see cref="VariableState.Set"/>.</summary>
        public string Value { get; }

        /// <summary>For an unknown value: the variable that has no value, which may be another one this value was built from.</summary>
        public string? UnresolvedName { get; }

        public static VariableValue Known(string value) => new VariableValue(VariableState.Set, value, null);

        public static VariableValue UnknownBecauseOf(string name) => new VariableValue(VariableState.Unknown, string.Empty, name);
    }

    /// <summary>The outcome of expanding one word.</summary>
    public sealed class ExpansionResult
    {
        public ExpansionResult(string value, string? unresolvedVariable, string? firstUnsetVariable, string? error)
        {
            Value = value;
            UnresolvedVariable = unresolvedVariable;
            FirstUnsetVariable = firstUnsetVariable;
            Error = error;
        }

        /// <summary>The expanded text with quotes removed. Unknown variables contribute an empty string.</summary>
        public string Value { get; }

        /// <summary>The first variable whose value is unknown; when set, <see cref="Value"/> is only a guess.</summary>
        public string? UnresolvedVariable { get; }

        /// <summary>The first referenced variable that is not defined at all.</summary>
        public string? FirstUnsetVariable { get; }

        /// <summary>A substitution error that makes BuildKit fail, such as <c>${v:?message}</c> with v unset.</summary>
        public string? Error { get; }

        public bool IsResolved => UnresolvedVariable == null && Error == null;
    }

    /// <summary>
    /// Expands build variables in one word the way BuildKit's shell lexer does for FROM, ARG, ENV and
    /// USER: <c>$v</c>, <c>${v}</c>, <c>${v:-w}</c>, <c>${v-w}</c>, <c>${v:+w}</c>, <c>${v+w}</c>,
    /// <c>${v:?m}</c>, <c>${v?m}</c> and the pattern forms. Single quotes are literal, double quotes
    /// expand, the escape character takes the next character literally, and quotes are removed.
    /// </summary>
    public sealed class VariableExpander
    {
        /// <summary>
        /// The maximum nesting of <c>${a:-${b:-...}}</c>. BuildKit sets none, but each level is a call
        /// here, so a hostile word could otherwise overflow the stack.
        /// </summary>
        public const int MaxNesting = 64;

        private readonly char _escape;
        private readonly Func<string, VariableValue> _lookup;
        private string _text = string.Empty;
        private int _pos;
        private string? _unresolved;
        private string? _unset;
        private string? _error;
        private int _depth;

        public VariableExpander(char escape, Func<string, VariableValue> lookup)
        {
            _escape = escape;
            _lookup = lookup;
        }

        public ExpansionResult Expand(string word)
        {
            _text = word;
            _pos = 0;
            _unresolved = null;
            _unset = null;
            _error = null;
            _depth = 0;
            string value = ReadUntil('\0');
            return new ExpansionResult(value, _unresolved, _unset, _error);
        }

        private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

        private bool AtEnd => _pos >= _text.Length;

        private string ReadUntil(char stop)
        {
            var result = new StringBuilder();
            while (!AtEnd)
            {
                char ch = _text[_pos];
                if (stop != '\0' && ch == stop)
                {
                    _pos++;
                    return result.ToString();
                }

                if (ch == '\'')
                {
                    result.Append(ReadSingleQuoted());
                }
                else if (ch == '"')
                {
                    result.Append(ReadDoubleQuoted());
                }
                else if (ch == '$')
                {
                    result.Append(ReadDollar());
                }
                else if (ch == _escape)
                {
                    _pos++;
                    if (AtEnd)
                    {
                        break;
                    }

                    result.Append(_text[_pos]);
                    _pos++;
                }
                else
                {
                    result.Append(ch);
                    _pos++;
                }
            }

            if (stop != '\0')
            {
                SetError("syntax error: missing '}'");
            }

            return result.ToString();
        }

        private string ReadSingleQuoted()
        {
            _pos++;
            int end = _text.IndexOf('\'', _pos);
            if (end < 0)
            {
                SetError("unexpected end of statement while looking for matching single-quote");
                string rest = _text.Substring(_pos);
                _pos = _text.Length;
                return rest;
            }

            string value = _text.Substring(_pos, end - _pos);
            _pos = end + 1;
            return value;
        }

        private string ReadDoubleQuoted()
        {
            _pos++;
            var result = new StringBuilder();
            while (true)
            {
                if (AtEnd)
                {
                    SetError("unexpected end of statement while looking for matching double-quote");
                    return result.ToString();
                }

                char ch = _text[_pos];
                if (ch == '"')
                {
                    _pos++;
                    return result.ToString();
                }

                if (ch == '$')
                {
                    result.Append(ReadDollar());
                    continue;
                }

                _pos++;
                if (ch == _escape)
                {
                    if (AtEnd)
                    {
                        continue;
                    }

                    char next = _text[_pos];
                    if (next == '"' || next == '$' || next == _escape)
                    {
                        ch = next;
                        _pos++;
                    }
                }

                result.Append(ch);
            }
        }

        private string ReadDollar()
        {
            _pos++;
            if (Peek() != '{')
            {
                string name = ReadName();
                return name.Length == 0 ? "$" : Lookup(name).Value;
            }

            _pos++;
            if (_depth >= MaxNesting)
            {
                SetError($"variables nested deeper than {MaxNesting} levels");
                _pos = _text.Length;
                return string.Empty;
            }

            _depth++;
            try
            {
                return ReadBraced();
            }
            finally
            {
                _depth--;
            }
        }

        private string ReadBraced()
        {
            char first = Peek();
            if (AtEnd)
            {
                SetError("syntax error: missing '}'");
                return string.Empty;
            }

            if (first == '{' || first == '}' || first == ':')
            {
                SetError("syntax error: bad substitution");
                SkipPast('}');
                return string.Empty;
            }

            string variable = ReadName();
            if (AtEnd)
            {
                SetError("syntax error: missing '}'");
                return string.Empty;
            }

            char modifier = _text[_pos++];
            switch (modifier)
            {
                case '}':
                    return Lookup(variable).Value;
                case ':':
                    return ReadColonModifier(variable);
                case '-':
                case '+':
                case '?':
                    return ReadPlainModifier(variable, modifier);
                case '#':
                case '%':
                case '/':
                    return ReadPattern(variable, modifier);
                default:
                    SetError($"unsupported modifier ({modifier}) in substitution");
                    SkipPast('}');
                    return string.Empty;
            }
        }

        private string ReadColonModifier(string variable)
        {
            char modifier = AtEnd ? '\0' : _text[_pos++];
            string word = ReadUntil('}');
            VariableValue value = Lookup(variable);
            switch (modifier)
            {
                case '-':
                    return value.Value.Length == 0 ? word : value.Value;
                case '+':
                    return value.Value.Length == 0 ? string.Empty : word;
                case '?':
                    if (value.State == VariableState.Unset || (value.State == VariableState.Set && value.Value.Length == 0))
                    {
                        SetError($"{variable}: {(word.Length > 0 ? word : "is not allowed to be unset or empty")}");
                    }

                    return value.Value;
                default:
                    SetError($"unsupported modifier ({modifier}) in substitution");
                    return string.Empty;
            }
        }

        private string ReadPlainModifier(string variable, char modifier)
        {
            string word = ReadUntil('}');
            VariableValue value = Lookup(variable);
            bool isSet = value.State != VariableState.Unset;
            switch (modifier)
            {
                case '-':
                    return isSet ? value.Value : word;
                case '+':
                    return isSet ? word : string.Empty;
                default:
                    if (value.State == VariableState.Unset)
                    {
                        SetError($"{variable}: {(word.Length > 0 ? word : "is not allowed to be unset")}");
                    }

                    return value.Value;
            }
        }

        /// <summary>Handles <c>#</c>, <c>##</c>, <c>%</c>, <c>%%</c>, <c>/</c> and <c>//</c> with shell glob patterns (<c>*</c> and <c>?</c>).</summary>
        private string ReadPattern(string variable, char modifier)
        {
            bool longest = false;
            if (!AtEnd && _text[_pos] == modifier)
            {
                longest = true;
                _pos++;
            }

            string value = Lookup(variable).Value;
            if (modifier == '/')
            {
                string pattern = ReadUntilEither('/', '}', out char stoppedAt);
                string replacement = stoppedAt == '/' ? ReadUntil('}') : string.Empty;
                var regex = new Regex(GlobToRegex(pattern, greedy: true));
                return longest ? regex.Replace(value, replacement.Replace("$", "$$")) : regex.Replace(value, replacement.Replace("$", "$$"), 1);
            }

            string glob = ReadUntil('}');
            string body = GlobToRegex(glob, longest);
            Match match = modifier == '#'
                ? Regex.Match(value, "^" + body)
                : Regex.Match(value, (longest ? "^.*?(" : "^.*(") + body + ")$", RegexOptions.Singleline);
            if (!match.Success)
            {
                return value;
            }

            return modifier == '#' ? value.Substring(match.Length) : value.Substring(0, match.Groups[1].Index);
        }

        private string ReadUntilEither(char first, char second, out char stoppedAt)
        {
            var result = new StringBuilder();
            while (!AtEnd)
            {
                char ch = _text[_pos++];
                if (ch == first || ch == second)
                {
                    stoppedAt = ch;
                    return result.ToString();
                }

                result.Append(ch);
            }

            stoppedAt = '\0';
            SetError("syntax error: missing '}'");
            return result.ToString();
        }

        private static string GlobToRegex(string glob, bool greedy)
        {
            var regex = new StringBuilder();
            foreach (char ch in glob)
            {
                if (ch == '*')
                {
                    regex.Append(greedy ? ".*" : ".*?");
                }
                else if (ch == '?')
                {
                    regex.Append('.');
                }
                else
                {
                    regex.Append(Regex.Escape(ch.ToString()));
                }
            }

            return regex.ToString();
        }

        private void SkipPast(char stop)
        {
            int end = _text.IndexOf(stop, _pos);
            _pos = end < 0 ? _text.Length : end + 1;
        }

        /// <summary>Reads a name: letters, digits and '_'; or one run of digits; or one special parameter such as <c>$@</c>.</summary>
        private string ReadName()
        {
            int start = _pos;
            if (!AtEnd && char.IsDigit(_text[_pos]))
            {
                while (!AtEnd && char.IsDigit(_text[_pos]))
                {
                    _pos++;
                }

                return _text.Substring(start, _pos - start);
            }

            if (!AtEnd && "*#@!?-$".IndexOf(_text[_pos]) >= 0)
            {
                _pos++;
                return _text.Substring(start, 1);
            }

            while (!AtEnd && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
            {
                _pos++;
            }

            return _text.Substring(start, _pos - start);
        }

        private VariableValue Lookup(string name)
        {
            VariableValue value = _lookup(name);
            if (value.State == VariableState.Unknown && _unresolved == null)
            {
                _unresolved = value.UnresolvedName ?? name;
            }
            else if (value.State == VariableState.Unset && _unset == null)
            {
                _unset = name;
            }

            return value;
        }

        private void SetError(string message)
        {
            if (_error == null)
            {
                _error = message;
            }
        }
    }
}
