using System.Collections.Generic;
using System.Text;

namespace Hardening.Build.Syntax.Dockerfile
{
    /// <summary>A piece of an instruction's text and its offset in that text.</summary>
    internal readonly struct TextSpan
    {
        public TextSpan(string text, int offset)
        {
            Text = text;
            Offset = offset;
        }

        public string Text { get; }

        public int Offset { get; }
    }

    /// <summary>Splits instruction text into flags and words with BuildKit's rules.</summary>
    internal static class ArgumentLexer
    {
        /// <summary>
        /// Reads the leading <c>--flag</c> words of the text after the keyword and returns the offset
        /// where the arguments start. A bare <c>--</c> ends the flags. Quotes inside a flag group
        /// words and are removed, and a backslash takes the next character literally.
        /// </summary>
        public static int ExtractFlags(string text, List<TextSpan> flags)
        {
            int pos = 0;
            while (true)
            {
                while (pos < text.Length && char.IsWhiteSpace(text[pos]))
                {
                    pos++;
                }

                if (pos >= text.Length)
                {
                    return text.Length;
                }

                if (text[pos] != '-' || pos + 1 >= text.Length || text[pos + 1] != '-')
                {
                    return pos;
                }

                int start = pos;
                var word = new StringBuilder();
                bool blankAllowed = false;
                char quote = '\0';
                while (pos < text.Length)
                {
                    char ch = text[pos];
                    if (quote != '\0')
                    {
                        if (ch == quote)
                        {
                            quote = '\0';
                            pos++;
                            continue;
                        }

                        if (ch == '\\' && pos + 1 < text.Length)
                        {
                            pos++;
                            ch = text[pos];
                        }

                        word.Append(ch);
                        pos++;
                        continue;
                    }

                    if (char.IsWhiteSpace(ch))
                    {
                        break;
                    }

                    if (ch == '\'' || ch == '"')
                    {
                        quote = ch;
                        blankAllowed = true;
                        pos++;
                        continue;
                    }

                    if (ch == '\\')
                    {
                        pos++;
                        if (pos >= text.Length)
                        {
                            break;
                        }

                        ch = text[pos];
                    }

                    word.Append(ch);
                    pos++;
                }

                string flag = word.ToString();
                if (flag == "--")
                {
                    return pos;
                }

                if (blankAllowed || flag.Length > 0)
                {
                    flags.Add(new TextSpan(flag, start));
                }
            }
        }

        /// <summary>Splits on whitespace only, as BuildKit does for FROM, EXPOSE and shell-form COPY.</summary>
        public static List<TextSpan> SplitOnWhitespace(string text)
        {
            var words = new List<TextSpan>();
            int pos = 0;
            while (pos < text.Length)
            {
                while (pos < text.Length && char.IsWhiteSpace(text[pos]))
                {
                    pos++;
                }

                int start = pos;
                while (pos < text.Length && !char.IsWhiteSpace(text[pos]))
                {
                    pos++;
                }

                if (pos > start)
                {
                    words.Add(new TextSpan(text.Substring(start, pos - start), start));
                }
            }

            return words;
        }

        /// <summary>
        /// Splits on whitespace outside quotes and keeps quotes and escape characters in each word,
        /// as BuildKit does for ENV, ARG and LABEL before it expands the values. Single quotes
        /// escape nothing; an escape character at the very end is dropped.
        /// </summary>
        public static List<TextSpan> SplitWords(string text, char escape)
        {
            var words = new List<TextSpan>();
            var word = new StringBuilder();
            int start = -1;
            bool blankAllowed = false;
            char quote = '\0';
            int pos = 0;
            while (pos < text.Length)
            {
                char ch = text[pos];
                if (start < 0)
                {
                    if (char.IsWhiteSpace(ch))
                    {
                        pos++;
                        continue;
                    }

                    start = pos;
                }

                if (quote == '\0')
                {
                    if (char.IsWhiteSpace(ch))
                    {
                        AddWord(words, word, start, blankAllowed);
                        start = -1;
                        blankAllowed = false;
                        pos++;
                        continue;
                    }

                    if (ch == '\'' || ch == '"')
                    {
                        quote = ch;
                        blankAllowed = true;
                    }
                    else if (ch == escape)
                    {
                        if (pos + 1 == text.Length)
                        {
                            pos++;
                            continue;
                        }

                        word.Append(ch);
                        pos++;
                        ch = text[pos];
                    }

                    word.Append(ch);
                    pos++;
                    continue;
                }

                if (ch == quote)
                {
                    quote = '\0';
                }
                else if (ch == escape && quote != '\'')
                {
                    if (pos + 1 == text.Length)
                    {
                        pos++;
                        continue;
                    }

                    word.Append(ch);
                    pos++;
                    ch = text[pos];
                }

                word.Append(ch);
                pos++;
            }

            if (start >= 0)
            {
                AddWord(words, word, start, blankAllowed);
            }

            return words;
        }

        private static void AddWord(List<TextSpan> words, StringBuilder word, int start, bool blankAllowed)
        {
            if (blankAllowed || word.Length > 0)
            {
                words.Add(new TextSpan(word.ToString(), start));
            }

            word.Clear();
        }
    }
}
