using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Hardening.Build.Syntax.Dockerfile
{
    internal enum JsonArrayResult
    {
        /// <summary>The text is one JSON array of strings: exec form.</summary>
        StringArray,

        /// <summary>The text is not valid JSON, so BuildKit falls back to shell form.</summary>
        NotJson,

        /// <summary>Valid JSON, but an element is not a string: BuildKit rejects the instruction.</summary>
        NotStringArray,
    }

    /// <summary>
    /// Reads exec-form arguments with the strictness of Go's <c>json.Unmarshal</c>: one complete
    /// JSON value and nothing but whitespace after it.
    /// </summary>
    internal sealed class JsonStringArray
    {
        private readonly string _text;
        private int _pos;

        private JsonStringArray(string text)
        {
            _text = text;
        }

        public static JsonArrayResult TryParse(string text, out List<string> items)
        {
            items = new List<string>();
            var reader = new JsonStringArray(text);
            reader.SkipWhitespace();
            if (reader.Peek() != '[')
            {
                return JsonArrayResult.NotJson;
            }

            bool allStrings = true;
            if (!reader.ReadArray(items, topLevel: true, ref allStrings))
            {
                return JsonArrayResult.NotJson;
            }

            reader.SkipWhitespace();
            if (reader._pos != text.Length)
            {
                return JsonArrayResult.NotJson;
            }

            return allStrings ? JsonArrayResult.StringArray : JsonArrayResult.NotStringArray;
        }

        private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

        private void SkipWhitespace()
        {
            while (_pos < _text.Length && (_text[_pos] == ' ' || _text[_pos] == '\t' || _text[_pos] == '\n' || _text[_pos] == '\r'))
            {
                _pos++;
            }
        }

        private bool ReadArray(List<string>? items, bool topLevel, ref bool allStrings)
        {
            _pos++;
            SkipWhitespace();
            if (Peek() == ']')
            {
                _pos++;
                return true;
            }

            while (true)
            {
                SkipWhitespace();
                if (Peek() == '"')
                {
                    if (!ReadString(out string value))
                    {
                        return false;
                    }

                    items?.Add(value);
                }
                else
                {
                    if (topLevel)
                    {
                        allStrings = false;
                    }

                    if (!ReadValue(ref allStrings))
                    {
                        return false;
                    }
                }

                SkipWhitespace();
                char next = Peek();
                _pos++;
                if (next == ']')
                {
                    return true;
                }

                if (next != ',')
                {
                    return false;
                }
            }
        }

        private bool ReadValue(ref bool allStrings)
        {
            char ch = Peek();
            if (ch == '"')
            {
                return ReadString(out _);
            }

            if (ch == '[')
            {
                return ReadArray(null, topLevel: false, ref allStrings);
            }

            if (ch == '{')
            {
                return ReadObject(ref allStrings);
            }

            if (ch == '-' || (ch >= '0' && ch <= '9'))
            {
                return ReadNumber();
            }

            return ReadLiteral("true") || ReadLiteral("false") || ReadLiteral("null");
        }

        private bool ReadObject(ref bool allStrings)
        {
            _pos++;
            SkipWhitespace();
            if (Peek() == '}')
            {
                _pos++;
                return true;
            }

            while (true)
            {
                SkipWhitespace();
                if (Peek() != '"' || !ReadString(out _))
                {
                    return false;
                }

                SkipWhitespace();
                if (Peek() != ':')
                {
                    return false;
                }

                _pos++;
                SkipWhitespace();
                if (!ReadValue(ref allStrings))
                {
                    return false;
                }

                SkipWhitespace();
                char next = Peek();
                _pos++;
                if (next == '}')
                {
                    return true;
                }

                if (next != ',')
                {
                    return false;
                }
            }
        }

        private bool ReadLiteral(string literal)
        {
            if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0)
            {
                return false;
            }

            _pos += literal.Length;
            return true;
        }

        private bool ReadNumber()
        {
            int start = _pos;
            if (Peek() == '-')
            {
                _pos++;
            }

            if (Peek() == '0')
            {
                _pos++;
            }
            else if (!ReadDigits())
            {
                return false;
            }

            if (Peek() == '.')
            {
                _pos++;
                if (!ReadDigits())
                {
                    return false;
                }
            }

            if (Peek() == 'e' || Peek() == 'E')
            {
                _pos++;
                if (Peek() == '+' || Peek() == '-')
                {
                    _pos++;
                }

                if (!ReadDigits())
                {
                    return false;
                }
            }

            return _pos > start;
        }

        private bool ReadDigits()
        {
            int start = _pos;
            while (Peek() >= '0' && Peek() <= '9')
            {
                _pos++;
            }

            return _pos > start;
        }

        private bool ReadString(out string value)
        {
            var builder = new StringBuilder();
            value = string.Empty;
            _pos++;
            while (_pos < _text.Length)
            {
                char ch = _text[_pos++];
                if (ch == '"')
                {
                    value = builder.ToString();
                    return true;
                }

                if (ch < ' ')
                {
                    return false;
                }

                if (ch != '\\')
                {
                    builder.Append(ch);
                    continue;
                }

                if (_pos >= _text.Length)
                {
                    return false;
                }

                char escaped = _text[_pos++];
                switch (escaped)
                {
                    case '"':
                    case '\\':
                    case '/':
                        builder.Append(escaped);
                        break;
                    case 'b':
                        builder.Append('\b');
                        break;
                    case 'f':
                        builder.Append('\f');
                        break;
                    case 'n':
                        builder.Append('\n');
                        break;
                    case 'r':
                        builder.Append('\r');
                        break;
                    case 't':
                        builder.Append('\t');
                        break;
                    case 'u':
                        if (_pos + 4 > _text.Length
                            || !int.TryParse(_text.Substring(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                        {
                            return false;
                        }

                        builder.Append((char)code);
                        _pos += 4;
                        break;
                    default:
                        return false;
                }
            }

            return false;
        }
    }
}
