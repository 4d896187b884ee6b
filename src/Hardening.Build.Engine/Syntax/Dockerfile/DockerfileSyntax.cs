using System;
using System.Collections.Generic;

namespace Hardening.Build.Syntax.Dockerfile
{
    /// <summary>A 1-based line and column in a Dockerfile, counted in UTF-16 code units.</summary>
    public readonly struct TextPosition
    {
        public TextPosition(int line, int column)
        {
            Line = line;
            Column = column;
        }

        public int Line { get; }

        public int Column { get; }

        public override string ToString() => $"({Line},{Column})";
    }

    /// <summary>A parser directive from the top of the file, such as <c># escape=`</c>.</summary>
    public sealed class ParserDirective
    {
        public ParserDirective(string name, string value, TextPosition position)
        {
            Name = name;
            Value = value;
            Position = position;
        }

        /// <summary>The key in lower case: <c>syntax</c>, <c>escape</c> or <c>check</c>.</summary>
        public string Name { get; }

        public string Value { get; }

        public TextPosition Position { get; }
    }

    /// <summary>The first error found in a Dockerfile, with the message to show and where it is.</summary>
    public sealed class DockerfileSyntaxError
    {
        public DockerfileSyntaxError(string message, TextPosition position)
        {
            Message = message;
            Position = position;
        }

        public string Message { get; }

        public TextPosition Position { get; }
    }

    /// <summary>A builder flag such as <c>--platform=linux/amd64</c>; the value is null for a bare <c>--link</c>.</summary>
    public sealed class InstructionFlag
    {
        public InstructionFlag(string name, string? value, TextPosition position)
        {
            Name = name;
            Value = value;
            Position = position;
        }

        /// <summary>The name without the leading dashes, as written.</summary>
        public string Name { get; }

        public string? Value { get; }

        public TextPosition Position { get; }
    }

    /// <summary>
    /// A word of an instruction's arguments. For ENV, ARG and LABEL the text is raw: quotes and
    /// escape characters are still in it, because the variable expander removes them.
    /// </summary>
    public sealed class InstructionWord
    {
        public InstructionWord(string text, int offset, TextPosition position)
        {
            Text = text;
            Offset = offset;
            Position = position;
        }

        public string Text { get; }

        /// <summary>Offset of the word's first character in <see cref="DockerfileInstruction.Arguments"/>.</summary>
        public int Offset { get; }

        public TextPosition Position { get; }
    }

    /// <summary>A here-document opened by <c>&lt;&lt;NAME</c> in RUN, COPY or ADD, with its raw body.</summary>
    public sealed class Heredoc
    {
        public Heredoc(string name, bool stripsLeadingTabs, bool expands, string body, int bodyStartLine)
        {
            Name = name;
            StripsLeadingTabs = stripsLeadingTabs;
            Expands = expands;
            Body = body;
            BodyStartLine = bodyStartLine;
        }

        /// <summary>The delimiter without quotes.</summary>
        public string Name { get; }

        /// <summary>True for <c>&lt;&lt;-</c>, which strips leading tabs from the body and the terminator line.</summary>
        public bool StripsLeadingTabs { get; }

        /// <summary>False when any part of the delimiter was quoted, which stops build-time expansion of the body.</summary>
        public bool Expands { get; }

        /// <summary>The body lines, each ending in a line feed, exactly as written (leading tabs stripped for <c>&lt;&lt;-</c>).</summary>
        public string Body { get; }

        public int BodyStartLine { get; }
    }

    /// <summary>
    /// One instruction after line continuations are joined. Positions point at the physical line
    /// and column where each piece was written.
    /// </summary>
    public sealed class DockerfileInstruction
    {
        private readonly PositionMap _positions;
        private readonly int _argumentsStart;

        internal DockerfileInstruction(
            string keywordAsWritten,
            TextPosition position,
            int endLine,
            IReadOnlyList<InstructionFlag> flags,
            string arguments,
            PositionMap positions,
            int argumentsStart)
        {
            KeywordAsWritten = keywordAsWritten;
            Keyword = keywordAsWritten.ToUpperInvariant();
            Position = position;
            EndLine = endLine;
            Flags = flags;
            Arguments = arguments;
            _positions = positions;
            _argumentsStart = argumentsStart;
            Words = Array.Empty<InstructionWord>();
            Heredocs = Array.Empty<Heredoc>();
        }

        /// <summary>The instruction name in upper case, for example <c>USER</c>, whatever case was written.</summary>
        public string Keyword { get; }

        public string KeywordAsWritten { get; }

        /// <summary>Line and column of the keyword, after leading whitespace.</summary>
        public TextPosition Position { get; }

        /// <summary>The last line of the instruction, including continuation lines and heredoc bodies.</summary>
        public int EndLine { get; internal set; }

        public IReadOnlyList<InstructionFlag> Flags { get; }

        /// <summary>The text after the keyword and the flags, joined across continuations and trimmed.</summary>
        public string Arguments { get; }

        public TextPosition ArgumentsPosition => PositionOf(0);

        /// <summary>True when the arguments are a JSON array of strings (exec form).</summary>
        public bool IsExecForm { get; internal set; }

        /// <summary>The exec-form strings; empty for shell form.</summary>
        public IReadOnlyList<string> ExecArguments { get; internal set; } = Array.Empty<string>();

        /// <summary>
        /// The arguments split into words the way BuildKit splits them for this instruction: by
        /// whitespace for FROM, EXPOSE and shell-form COPY, ADD and VOLUME; by whitespace outside
        /// quotes for ENV, ARG and LABEL. Empty for other instructions.
        /// </summary>
        public IReadOnlyList<InstructionWord> Words { get; internal set; }

        public IReadOnlyList<Heredoc> Heredocs { get; internal set; }

        /// <summary>The instruction stored by ONBUILD; null for any other instruction.</summary>
        public DockerfileInstruction? Trigger { get; internal set; }

        /// <summary>False for a keyword that BuildKit does not know.</summary>
        public bool IsKnown { get; internal set; } = true;

        public InstructionFlag? GetFlag(string name)
        {
            foreach (InstructionFlag flag in Flags)
            {
                if (string.Equals(flag.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return flag;
                }
            }

            return null;
        }

        /// <summary>Maps an offset in <see cref="Arguments"/> to the line and column where that character was written.</summary>
        public TextPosition PositionOf(int argumentsOffset) => _positions.At(_argumentsStart + argumentsOffset);

        public override string ToString() => Arguments.Length == 0 ? KeywordAsWritten : KeywordAsWritten + " " + Arguments;
    }

    /// <summary>The result of parsing one Dockerfile: directives, instructions and the first error.</summary>
    public sealed class DockerfileSyntaxTree
    {
        internal DockerfileSyntaxTree(
            IReadOnlyList<ParserDirective> directives,
            char escapeCharacter,
            IReadOnlyList<DockerfileInstruction> instructions,
            DockerfileSyntaxError? error,
            bool hasEmptyContinuationLine)
        {
            Directives = directives;
            EscapeCharacter = escapeCharacter;
            Instructions = instructions;
            Error = error;
            HasEmptyContinuationLine = hasEmptyContinuationLine;
        }

        public IReadOnlyList<ParserDirective> Directives { get; }

        /// <summary><c>\</c> unless an <c># escape=`</c> directive changed it.</summary>
        public char EscapeCharacter { get; }

        /// <summary>Every instruction found, including those after the first error.</summary>
        public IReadOnlyList<DockerfileInstruction> Instructions { get; }

        public DockerfileSyntaxError? Error { get; }

        /// <summary>True when a blank line sits inside a continued instruction (BuildKit's NoEmptyContinuation warning).</summary>
        public bool HasEmptyContinuationLine { get; }

        public ParserDirective? GetDirective(string name)
        {
            foreach (ParserDirective directive in Directives)
            {
                if (directive.Name == name)
                {
                    return directive;
                }
            }

            return null;
        }
    }

    /// <summary>
    /// The physical position of each character of a joined logical line, stored as one run per
    /// physical line piece, because a map per character cost more memory than the text itself.
    /// </summary>
    internal sealed class PositionMap
    {
        private readonly List<Run> _runs = new List<Run>(1);

        public int Count { get; private set; }

        /// <summary>Appends <paramref name="length"/> characters written from <paramref name="firstColumn"/> of <paramref name="line"/> on.</summary>
        public void AddRun(int line, int firstColumn, int length)
        {
            if (length <= 0)
            {
                return;
            }

            _runs.Add(new Run(Count, line, firstColumn));
            Count += length;
        }

        /// <summary>Returns the position of the character at the offset; past the end, the column after the last character.</summary>
        public TextPosition At(int offset)
        {
            if (Count == 0)
            {
                return new TextPosition(0, 0);
            }

            if (offset < 0)
            {
                offset = 0;
            }

            if (offset >= Count)
            {
                TextPosition last = At(Count - 1);
                return new TextPosition(last.Line, last.Column + 1);
            }

            Run run = _runs[FindRun(offset)];
            return new TextPosition(run.Line, run.FirstColumn + offset - run.Start);
        }

        /// <summary>Returns the index of the last run that starts at or before the offset.</summary>
        private int FindRun(int offset)
        {
            int low = 0;
            int high = _runs.Count - 1;
            while (low < high)
            {
                int middle = low + ((high - low + 1) / 2);
                if (_runs[middle].Start <= offset)
                {
                    low = middle;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return low;
        }

        private readonly struct Run
        {
            public Run(int start, int line, int firstColumn)
            {
                Start = start;
                Line = line;
                FirstColumn = firstColumn;
            }

            /// <summary>Offset of the run's first character in the logical line.</summary>
            public int Start { get; }

            public int Line { get; }

            public int FirstColumn { get; }
        }
    }
}
