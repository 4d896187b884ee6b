using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Hardening.Build.Json
{
    /// <summary>
    /// Parses JSON text into dictionaries, lists, strings, doubles, booleans and nulls. It reads the
    /// baseline file, so it is strict: any syntax error throws <see cref="FormatException"/> with the
    /// line and column.
    /// </summary>
    internal sealed class JsonReader
    {
        private readonly string _text;
        private int _position;

        private JsonReader(string text)
        {
            _text = text;
        }

        public static object? Parse(string text)
        {
            var reader = new JsonReader(text);
            reader.SkipWhitespace();
            object? value = reader.ReadValue();
            reader.SkipWhitespace();
            if (reader._position < text.Length)
            {
                throw reader.Error("unexpected text after the JSON value");
            }

            return value;
        }

        private object? ReadValue()
        {
            if (_position >= _text.Length)
            {
                throw Error("the text ends where a value was expected");
            }

            char c = _text[_position];
            switch (c)
            {
                case '{':
                    return ReadObject();
                case '[':
                    return ReadArray();
                case '"':
                    return ReadString();
                case 't':
                    return ReadLiteral("true", true);
                case 'f':
                    return ReadLiteral("false", false);
                case 'n':
                    return ReadLiteral("null", null);
                default:
                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        return ReadNumber();
                    }

                    throw Error($"unexpected character '{c}'");
            }
        }

        private Dictionary<string, object?> ReadObject()
        {
            var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
            _position++;
            SkipWhitespace();
            if (TryConsume('}'))
            {
                return properties;
            }

            while (true)
            {
                SkipWhitespace();
                if (_position >= _text.Length || _text[_position] != '"')
                {
                    throw Error("a property name in double quotes was expected");
                }

                string name = ReadString();
                SkipWhitespace();
                Expect(':');
                SkipWhitespace();
                properties[name] = ReadValue();
                SkipWhitespace();
                if (TryConsume('}'))
                {
                    return properties;
                }

                Expect(',');
            }
        }

        private List<object?> ReadArray()
        {
            var items = new List<object?>();
            _position++;
            SkipWhitespace();
            if (TryConsume(']'))
            {
                return items;
            }

            while (true)
            {
                SkipWhitespace();
                items.Add(ReadValue());
                SkipWhitespace();
                if (TryConsume(']'))
                {
                    return items;
                }

                Expect(',');
            }
        }

        private string ReadString()
        {
            var value = new StringBuilder();
            _position++;
            while (_position < _text.Length)
            {
                char c = _text[_position++];
                if (c == '"')
                {
                    return value.ToString();
                }

                if (c != '\\')
                {
                    if (c < 0x20)
                    {
                        throw Error("a control character must be escaped inside a string");
                    }

                    value.Append(c);
                    continue;
                }

                if (_position >= _text.Length)
                {
                    break;
                }

                char escape = _text[_position++];
                switch (escape)
                {
                    case '"': value.Append('"'); break;
                    case '\\': value.Append('\\'); break;
                    case '/': value.Append('/'); break;
                    case 'b': value.Append('\b'); break;
                    case 'f': value.Append('\f'); break;
                    case 'n': value.Append('\n'); break;
                    case 'r': value.Append('\r'); break;
                    case 't': value.Append('\t'); break;
                    case 'u':
                        if (_position + 4 > _text.Length
                            || !int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                        {
                            throw Error("\\u must be followed by four hexadecimal digits");
                        }

                        value.Append((char)code);
                        _position += 4;
                        break;
                    default:
                        throw Error($"'\\{escape}' is not a JSON escape");
                }
            }

            throw Error("a string is not closed");
        }

        private double ReadNumber()
        {
            int start = _position;
            while (_position < _text.Length && "+-0123456789.eE".IndexOf(_text[_position]) >= 0)
            {
                _position++;
            }

            string number = _text.Substring(start, _position - start);
            if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                throw Error($"'{number}' is not a number");
            }

            return value;
        }

        private object? ReadLiteral(string literal, object? value)
        {
            if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
            {
                throw Error($"'{literal}' was expected");
            }

            _position += literal.Length;
            return value;
        }

        private void SkipWhitespace()
        {
            while (_position < _text.Length && (_text[_position] == ' ' || _text[_position] == '\t' || _text[_position] == '\n' || _text[_position] == '\r'))
            {
                _position++;
            }
        }

        private bool TryConsume(char c)
        {
            if (_position < _text.Length && _text[_position] == c)
            {
                _position++;
                return true;
            }

            return false;
        }

        private void Expect(char c)
        {
            if (!TryConsume(c))
            {
                throw Error($"'{c}' was expected");
            }
        }

        private FormatException Error(string problem)
        {
            int line = 1;
            int column = 1;
            for (int i = 0; i < _position && i < _text.Length; i++)
            {
                if (_text[i] == '\n')
                {
                    line++;
                    column = 1;
                }
                else
                {
                    column++;
                }
            }

            return new FormatException($"Invalid JSON at line {line}, column {column}: {problem}.");
        }
    }
}
