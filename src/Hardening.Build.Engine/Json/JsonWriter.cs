using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Hardening.Build.Json
{
    /// <summary>
    /// Writes indented JSON with two spaces and line feeds, so that the output is the same on every
    /// machine. The engine targets netstandard2.0, where System.Text.Json would be a new package.
    /// </summary>
    internal sealed class JsonWriter
    {
        private readonly StringBuilder _text = new StringBuilder();
        private readonly Stack<bool> _hasItems = new Stack<bool>();
        private bool _afterName;

        public JsonWriter StartObject() => Open('{');

        public JsonWriter EndObject() => Close('}');

        public JsonWriter StartArray() => Open('[');

        public JsonWriter EndArray() => Close(']');

        public JsonWriter Name(string name)
        {
            StartValue();
            AppendString(name);
            _text.Append(": ");
            _afterName = true;
            return this;
        }

        public JsonWriter String(string? value)
        {
            StartValue();
            if (value == null)
            {
                _text.Append("null");
            }
            else
            {
                AppendString(value);
            }

            return this;
        }

        public JsonWriter Number(long value)
        {
            StartValue();
            _text.Append(value.ToString(CultureInfo.InvariantCulture));
            return this;
        }

        public JsonWriter Property(string name, string? value) => Name(name).String(value);

        public JsonWriter Property(string name, long value) => Name(name).Number(value);

        /// <summary>Returns the JSON text, ending with a line feed.</summary>
        public override string ToString() => _text.ToString() + "\n";

        private JsonWriter Open(char bracket)
        {
            StartValue();
            _text.Append(bracket);
            _hasItems.Push(false);
            return this;
        }

        private JsonWriter Close(char bracket)
        {
            bool hadItems = _hasItems.Pop();
            if (hadItems)
            {
                NewLine();
            }

            _text.Append(bracket);
            return this;
        }

        /// <summary>Writes the comma and the line break before a value, unless the value follows its name.</summary>
        private void StartValue()
        {
            if (_afterName)
            {
                _afterName = false;
                return;
            }

            if (_hasItems.Count == 0)
            {
                return;
            }

            if (_hasItems.Peek())
            {
                _text.Append(',');
            }
            else
            {
                _hasItems.Pop();
                _hasItems.Push(true);
            }

            NewLine();
        }

        private void NewLine()
        {
            _text.Append('\n');
            _text.Append(' ', _hasItems.Count * 2);
        }

        private void AppendString(string value)
        {
            _text.Append('"');
            foreach (char c in value)
            {
                switch (c)
                {
                    case '"':
                        _text.Append("\\\"");
                        break;
                    case '\\':
                        _text.Append("\\\\");
                        break;
                    case '\n':
                        _text.Append("\\n");
                        break;
                    case '\r':
                        _text.Append("\\r");
                        break;
                    case '\t':
                        _text.Append("\\t");
                        break;
                    default:
                        if (c < 0x20 || c == '\u2028' || c == '\u2029')
                        {
                            _text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            _text.Append(c);
                        }

                        break;
                }
            }

            _text.Append('"');
        }
    }
}
