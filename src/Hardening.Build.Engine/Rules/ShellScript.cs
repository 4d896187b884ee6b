using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using Hardening.Build.Syntax.Dockerfile;

namespace Hardening.Build.Rules
{
    /// <summary>A shell word with its quotes and escapes removed, and the offset where it starts.</summary>
    internal sealed class ShellWord
    {
        public ShellWord(string text, int offset, bool quoted)
        {
            Text = text;
            Offset = offset;
            Quoted = quoted;
        }

        public string Text { get; }

        /// <summary>The offset of the word's first character in <see cref="ShellScript.Text"/>.</summary>
        public int Offset { get; }

        /// <summary>True when any part of the word was inside quotes.</summary>
        public bool Quoted { get; }

        private string? _fileName;

        /// <summary>The part after the last <c>/</c>, so <c>/usr/sbin/gosu</c> gives <c>gosu</c>.</summary>
        public string FileName => _fileName ??= Text.Substring(Text.LastIndexOf('/') + 1);
    }

    /// <summary>
    /// One simple command: the words between two of <c>;</c>, <c>&amp;&amp;</c>, <c>||</c>, <c>|</c>,
    /// <c>&amp;</c>, a newline, a parenthesis or <c>$(</c>.
    /// </summary>
    internal sealed class ShellCommand
    {
        private static readonly HashSet<string> s_keywords = new HashSet<string>(StringComparer.Ordinal)
        {
            "if", "then", "else", "elif", "fi", "do", "done", "while", "until", "!", "{", "}", "esac",
        };

        public ShellCommand(List<ShellWord> words)
        {
            Words = words;
            NameIndex = -1;
            for (int i = 0; i < words.Count; i++)
            {
                if (!words[i].Quoted && (s_keywords.Contains(words[i].Text) || IsAssignment(words[i].Text)))
                {
                    continue;
                }

                NameIndex = i;
                break;
            }
        }

        public List<ShellWord> Words { get; }

        /// <summary>The index of the command name, after leading keywords and <c>NAME=value</c> assignments; -1 when there is none.</summary>
        public int NameIndex { get; }

        public ShellWord? Name => NameIndex < 0 ? null : Words[NameIndex];

        /// <summary>Returns the index of the first word at or after <paramref name="start"/> whose file name is one of <paramref name="names"/>, or -1.</summary>
        public int IndexOfProgram(int start, params string[] names)
        {
            for (int i = Math.Max(start, 0); i < Words.Count; i++)
            {
                if (Array.IndexOf(names, Words[i].FileName) >= 0)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>True for <c>NAME=value</c> with a valid shell variable name.</summary>
        public static bool IsAssignment(string word)
        {
            int equals = word.IndexOf('=');
            if (equals <= 0)
            {
                return false;
            }

            for (int i = 0; i < equals; i++)
            {
                char ch = word[i];
                bool valid = ch == '_' || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (i > 0 && ch >= '0' && ch <= '9');
                if (!valid)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>
    /// Shell text that a RUN instruction runs: its shell-form arguments, its exec-form strings, or the
    /// body of a heredoc that the shell executes. Heredocs that only feed a command's input, such as
    /// <c>cat &gt; file &lt;&lt;EOF</c>, are data and are not read.
    /// </summary>
    internal sealed class ShellScript
    {
        private static readonly string[] s_shells = { "sh", "bash", "ash", "dash", "zsh" };

        // The characters that end a run of plain text inside double quotes.
        private static readonly char[] s_quotedStops = { '"', '\\' };

        // Several rules read the scripts of the same RUN instruction. The table keeps one split per
        // instruction for as long as the instruction lives, so each script is tokenized once per check.
        private static readonly ConditionalWeakTable<DockerfileInstruction, IReadOnlyList<ShellScript>> s_scriptsOf =
            new ConditionalWeakTable<DockerfileInstruction, IReadOnlyList<ShellScript>>();

        private readonly Func<int, TextPosition> _positionOf;
        private IReadOnlyList<ShellCommand>? _commands;

        private ShellScript(string text, Func<int, TextPosition> positionOf)
        {
            Text = text;
            _positionOf = positionOf;
        }

        public string Text { get; }

        /// <summary>Where the character at the offset of <see cref="Text"/> was written.</summary>
        public TextPosition PositionOf(int offset) => _positionOf(offset);

        public static IReadOnlyList<ShellScript> Of(DockerfileInstruction run) => s_scriptsOf.GetValue(run, Split);

        private static IReadOnlyList<ShellScript> Split(DockerfileInstruction run)
        {
            if (run.IsExecForm)
            {
                var text = new StringBuilder();
                foreach (string argument in run.ExecArguments)
                {
                    text.Append('\'').Append(argument.Replace("'", "'\\''")).Append("' ");
                }

                TextPosition start = run.ArgumentsPosition;
                return new[] { new ShellScript(text.ToString(), _ => start) };
            }

            var arguments = new ShellScript(run.Arguments, run.PositionOf);
            var scripts = new List<ShellScript> { arguments };
            if (run.Heredocs.Count == 0)
            {
                return scripts;
            }

            IReadOnlyList<ShellCommand> commands = arguments.Commands();
            ShellWord? name = commands.Count > 0 ? commands[0].Name : null;
            bool bodyIsScript = name == null || name.Text.StartsWith("<<", StringComparison.Ordinal) || Array.IndexOf(s_shells, name.FileName) >= 0;
            if (!bodyIsScript)
            {
                return scripts;
            }

            foreach (Heredoc heredoc in run.Heredocs)
            {
                string body = heredoc.Body;
                int firstLine = heredoc.BodyStartLine;

                // NOTE: for <<- the body has its leading tabs removed, so columns there count from the first non-tab character.
                scripts.Add(new ShellScript(body, offset => PositionInBody(body, firstLine, offset)));
            }

            return scripts;
        }

        /// <summary>Splits the text into simple commands of unquoted words, once; callers share the result.</summary>
        public IReadOnlyList<ShellCommand> Commands() => _commands ??= Tokenize();

        private List<ShellCommand> Tokenize()
        {
            var commands = new List<ShellCommand>();
            var words = new List<ShellWord>();
            var word = new StringBuilder();
            int wordStart = -1;
            bool quoted = false;

            void EndWord()
            {
                if (wordStart >= 0)
                {
                    words.Add(new ShellWord(word.ToString(), wordStart, quoted));
                }

                word.Clear();
                wordStart = -1;
                quoted = false;
            }

            void EndCommand()
            {
                EndWord();
                if (words.Count > 0)
                {
                    commands.Add(new ShellCommand(words));
                    words = new List<ShellWord>();
                }
            }

            string text = Text;
            int i = 0;
            while (i < text.Length)
            {
                char ch = text[i];
                if (ch == ' ' || ch == '\t' || ch == '\r')
                {
                    EndWord();
                    i++;
                }
                else if (ch == '\n' || ch == ';' || ch == '(' || ch == ')' || ch == '`' || IsControlOperator(text, i))
                {
                    EndCommand();
                    i++;
                }
                else if (ch == '#' && wordStart < 0)
                {
                    while (i < text.Length && text[i] != '\n')
                    {
                        i++;
                    }
                }
                else if (ch == '$' && i + 1 < text.Length && text[i + 1] == '(' && !(i + 2 < text.Length && text[i + 2] == '('))
                {
                    EndCommand();
                    i += 2;
                }
                else
                {
                    if (wordStart < 0)
                    {
                        wordStart = i;
                    }

                    i = ReadWordPart(text, i, word, ref quoted);
                }
            }

            EndCommand();
            return commands;
        }

        /// <summary>True for <c>&amp;</c> and <c>|</c> that separate commands, but not for redirections such as <c>2&gt;&amp;1</c> or <c>&amp;&gt;</c>.</summary>
        private static bool IsControlOperator(string text, int index)
        {
            char ch = text[index];
            if (ch == '|')
            {
                return true;
            }

            if (ch != '&')
            {
                return false;
            }

            bool afterRedirect = index > 0 && (text[index - 1] == '>' || text[index - 1] == '<');
            bool beforeRedirect = index + 1 < text.Length && text[index + 1] == '>';
            return !afterRedirect && !beforeRedirect;
        }

        /// <summary>Appends one unquoted character, escape or quoted string to the word; returns the index after it.</summary>
        private static int ReadWordPart(string text, int i, StringBuilder word, ref bool quoted)
        {
            char ch = text[i];
            if (ch == '\\')
            {
                if (i + 1 < text.Length && text[i + 1] != '\n')
                {
                    word.Append(text[i + 1]);
                }

                return i + 2;
            }

            if (ch == '\'')
            {
                quoted = true;
                int end = text.IndexOf('\'', i + 1);
                end = end < 0 ? text.Length : end;
                word.Append(text, i + 1, end - i - 1);
                return end + 1;
            }

            if (ch == '"')
            {
                quoted = true;
                int j = i + 1;
                while (j < text.Length && text[j] != '"')
                {
                    if (text[j] == '\\' && j + 1 < text.Length && "\"\\$`\n".IndexOf(text[j + 1]) >= 0)
                    {
                        j++;
                        word.Append(text[j]);
                        j++;
                        continue;
                    }

                    // Characters up to the next quote or backslash are appended at once.
                    int stop = text.IndexOfAny(s_quotedStops, j);
                    stop = stop < 0 ? text.Length : Math.Max(stop, j + 1);
                    word.Append(text, j, stop - j);
                    j = stop;
                }

                return j + 1;
            }

            if (ch == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                int end = text.IndexOf('}', i);
                end = end < 0 ? text.Length - 1 : end;
                word.Append(text, i, end - i + 1);
                return end + 1;
            }

            // A run of ordinary characters is appended at once. Each character that stops it starts a
            // quote, an escape, an expansion or a command separator, which the caller handles.
            int runEnd = i + 1;
            while (runEnd < text.Length && !IsSpecial(text[runEnd]))
            {
                runEnd++;
            }

            word.Append(text, i, runEnd - i);
            return runEnd;
        }

        private static bool IsSpecial(char ch)
        {
            switch (ch)
            {
                case ' ':
                case '\t':
                case '\r':
                case '\n':
                case ';':
                case '(':
                case ')':
                case '`':
                case '|':
                case '&':
                case '\\':
                case '\'':
                case '"':
                case '$':
                    return true;
                default:
                    return false;
            }
        }

        private static TextPosition PositionInBody(string body, int firstLine, int offset)
        {
            int line = firstLine;
            int lineStart = 0;
            for (int i = 0; i < offset && i < body.Length; i++)
            {
                if (body[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            return new TextPosition(line, offset - lineStart + 1);
        }
    }
}
