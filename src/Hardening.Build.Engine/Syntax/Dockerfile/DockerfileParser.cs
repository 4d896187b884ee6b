using System;
using System.Collections.Generic;
using System.Text;

namespace Hardening.Build.Syntax.Dockerfile
{
    /// <summary>
    /// Parses a Dockerfile with BuildKit's rules: parser directives, line continuations, comments,
    /// heredocs, flags and exec form. It never throws. It keeps the first error and goes on, so the
    /// instructions after an error are still returned.
    /// </summary>
    public sealed class DockerfileParser
    {
        private static readonly HashSet<string> s_knownKeywords = new HashSet<string>(StringComparer.Ordinal)
        {
            "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL",
            "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
        };

        private readonly List<string> _lines;
        private readonly List<ParserDirective> _directives = new List<ParserDirective>();
        private readonly List<DockerfileInstruction> _instructions = new List<DockerfileInstruction>();
        private char _escape = '\\';
        private bool _directivesDone;
        private bool _hasEmptyContinuationLine;
        private bool _seenFrom;
        private DockerfileSyntaxError? _error;
        private bool _errorIsInstructionBeforeFrom;

        private DockerfileParser(string text)
        {
            _lines = SplitLines(text);
        }

        public static DockerfileSyntaxTree Parse(string text)
        {
            var parser = new DockerfileParser(text ?? string.Empty);
            parser.ParseAll();
            return new DockerfileSyntaxTree(
                parser._directives,
                parser._escape,
                parser._instructions,
                parser._error,
                parser._hasEmptyContinuationLine);
        }

        /// <summary>
        /// Splits at line feeds and drops trailing carriage returns, as BuildKit's scanner does. A
        /// carriage return inside a line is not a line break for BuildKit, so it stays in the text.
        /// </summary>
        private static List<string> SplitLines(string text)
        {
            var lines = new List<string>();
            int start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
            while (start <= text.Length)
            {
                int end = text.IndexOf('\n', start);
                if (end < 0)
                {
                    if (start < text.Length)
                    {
                        lines.Add(text.Substring(start).TrimEnd('\r'));
                    }

                    break;
                }

                lines.Add(text.Substring(start, end - start).TrimEnd('\r'));
                start = end + 1;
            }

            return lines;
        }

        private static bool IsComment(string line)
        {
            int i = SkipWhitespace(line, 0);
            return i < line.Length && line[i] == '#';
        }

        private static bool IsBlank(string line) => SkipWhitespace(line, 0) == line.Length;

        private static int SkipWhitespace(string text, int index)
        {
            while (index < text.Length && char.IsWhiteSpace(text[index]))
            {
                index++;
            }

            return index;
        }

        private void RecordError(string message, TextPosition position)
        {
            if (_error == null)
            {
                _error = new DockerfileSyntaxError(message, position);
            }
        }

        private void ParseAll()
        {
            int index = 0;
            while (index < _lines.Count)
            {
                string line = _lines[index];
                int lineNumber = index + 1;
                index++;

                int indent = SkipWhitespace(line, 0);
                string trimmed = line.Substring(indent);
                ReadPossibleDirective(trimmed, lineNumber, indent + 1);
                if (trimmed.StartsWith("#", StringComparison.Ordinal))
                {
                    continue;
                }

                var logical = new StringBuilder();
                var positions = new PositionMap();
                bool ended = TrimContinuation(trimmed, out string piece);
                if (ended && piece.Length == 0)
                {
                    continue;
                }

                Append(logical, positions, piece, lineNumber, indent + 1);
                while (!ended && index < _lines.Count)
                {
                    string next = _lines[index];
                    index++;

                    // Whole comment lines inside a continuation are dropped, and blank lines are
                    // skipped without ending the instruction.
                    if (IsComment(next))
                    {
                        continue;
                    }

                    if (IsBlank(next))
                    {
                        _hasEmptyContinuationLine = true;
                        continue;
                    }

                    ended = TrimContinuation(next, out piece);
                    Append(logical, positions, piece, index, 1);
                }

                DockerfileInstruction? instruction = ParseInstruction(logical.ToString(), positions, 0, index, nested: false);
                if (instruction == null)
                {
                    continue;
                }

                index = ReadHeredocs(instruction, index);
                _instructions.Add(instruction);
            }

            // With no FROM at all, "no FROM" is clearer than "RUN appears before the first FROM".
            if (!_seenFrom && (_error == null || _errorIsInstructionBeforeFrom))
            {
                _error = null;
                RecordError(
                    "The Dockerfile has no FROM instruction, so it has no build stage. Add a FROM line, for example `FROM alpine:3.20`, before the other instructions.",
                    new TextPosition(1, 1));
            }
        }

        private static void Append(StringBuilder logical, PositionMap positions, string piece, int line, int firstColumn)
        {
            logical.Append(piece);
            positions.AddRun(line, firstColumn, piece.Length);
        }

        /// <summary>
        /// Removes a continuation (the escape character, then only spaces or tabs) from the end of the
        /// line and returns false when there was one. A doubled escape character is not a continuation.
        /// </summary>
        private bool TrimContinuation(string line, out string content)
        {
            int end = line.Length;
            while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\t'))
            {
                end--;
            }

            if (end > 0 && line[end - 1] == _escape && (end == 1 || line[end - 2] != _escape))
            {
                content = line.Substring(0, end - 1);
                return false;
            }

            content = line;
            return true;
        }

        /// <summary>
        /// Reads <c># key=value</c> while directives are still allowed. Scanning stops for good at the
        /// first line that is not a well-formed directive with a known key.
        /// </summary>
        private void ReadPossibleDirective(string trimmed, int lineNumber, int column)
        {
            if (_directivesDone)
            {
                return;
            }

            if (!TryMatchDirective(trimmed, out string key, out string value))
            {
                _directivesDone = true;
                return;
            }

            string name = key.ToLowerInvariant();
            if (name != "syntax" && name != "escape" && name != "check")
            {
                _directivesDone = true;
                return;
            }

            var position = new TextPosition(lineNumber, column);
            foreach (ParserDirective seen in _directives)
            {
                if (seen.Name == name)
                {
                    RecordError($"The parser directive '{name}' appears twice. Keep only one `# {name}=` line.", position);
                    return;
                }
            }

            _directives.Add(new ParserDirective(name, value, position));
            if (name == "escape")
            {
                if (value == "\\" || value == "`")
                {
                    _escape = value[0];
                }
                else
                {
                    RecordError($"The escape directive value '{value}' is invalid. Use `# escape=\\` or `# escape=``.", position);
                }
            }
        }

        private static bool TryMatchDirective(string text, out string key, out string value)
        {
            key = string.Empty;
            value = string.Empty;
            if (text.Length == 0 || text[0] != '#')
            {
                return false;
            }

            int i = 1;
            while (i < text.Length && (text[i] == ' ' || text[i] == '\t'))
            {
                i++;
            }

            int keyStart = i;
            if (i >= text.Length || !IsAsciiLetter(text[i]))
            {
                return false;
            }

            while (i < text.Length && (IsAsciiLetter(text[i]) || (text[i] >= '0' && text[i] <= '9')))
            {
                i++;
            }

            key = text.Substring(keyStart, i - keyStart);
            while (i < text.Length && (text[i] == ' ' || text[i] == '\t'))
            {
                i++;
            }

            if (i >= text.Length || text[i] != '=')
            {
                return false;
            }

            value = text.Substring(i + 1).Trim(' ', '\t');
            return value.Length > 0;
        }

        private static bool IsAsciiLetter(char ch) => (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');

        private DockerfileInstruction? ParseInstruction(string logical, PositionMap positions, int offset, int endLine, bool nested)
        {
            int start = SkipWhitespace(logical, offset);
            if (start >= logical.Length)
            {
                return null;
            }

            int keywordEnd = start;
            while (keywordEnd < logical.Length && !char.IsWhiteSpace(logical[keywordEnd]))
            {
                keywordEnd++;
            }

            string keyword = logical.Substring(start, keywordEnd - start);
            string rest = logical.Substring(keywordEnd).TrimEnd();
            var flagSpans = new List<TextSpan>();
            int argumentsStart = ArgumentLexer.ExtractFlags(rest, flagSpans);
            var flags = new List<InstructionFlag>();
            foreach (TextSpan span in flagSpans)
            {
                string body = span.Text.Substring(2);
                int equals = body.IndexOf('=');
                string name = equals < 0 ? body : body.Substring(0, equals);
                string? value = equals < 0 ? null : body.Substring(equals + 1);
                flags.Add(new InstructionFlag(name, value, positions.At(keywordEnd + span.Offset)));
            }

            string arguments = rest.Substring(argumentsStart);
            var instruction = new DockerfileInstruction(
                keyword,
                positions.At(start),
                endLine,
                flags,
                arguments,
                positions,
                keywordEnd + argumentsStart);

            ClassifyArguments(instruction, logical, positions, keywordEnd + argumentsStart, endLine, nested);
            return instruction;
        }

        private void ClassifyArguments(
            DockerfileInstruction instruction,
            string logical,
            PositionMap positions,
            int argumentsStart,
            int endLine,
            bool nested)
        {
            string keyword = instruction.Keyword;
            string arguments = instruction.Arguments;
            if (!s_knownKeywords.Contains(keyword))
            {
                instruction.IsKnown = false;
                RecordError(
                    $"Unknown instruction '{instruction.KeywordAsWritten}'. Fix the spelling, or join it to the previous line with a line continuation if it is part of that instruction.",
                    instruction.Position);
                return;
            }

            if (!nested)
            {
                CheckStageOrder(instruction);
            }

            switch (keyword)
            {
                case "RUN":
                case "CMD":
                case "ENTRYPOINT":
                case "SHELL":
                    ReadMaybeExecForm(instruction, arguments, 0, toList: false);
                    break;
                case "ADD":
                case "COPY":
                case "VOLUME":
                    ReadMaybeExecForm(instruction, arguments, 0, toList: true);
                    break;
                case "HEALTHCHECK":
                    ReadHealthcheck(instruction);
                    break;
                case "FROM":
                case "EXPOSE":
                    instruction.Words = ToWords(instruction, ArgumentLexer.SplitOnWhitespace(arguments));
                    if (keyword == "FROM")
                    {
                        CheckFrom(instruction);
                    }

                    break;
                case "ENV":
                case "ARG":
                case "LABEL":
                    instruction.Words = ToWords(instruction, ArgumentLexer.SplitWords(arguments, _escape));
                    CheckNameValues(instruction);
                    break;
                case "USER":
                case "WORKDIR":
                case "STOPSIGNAL":
                case "MAINTAINER":
                    if (arguments.Length == 0)
                    {
                        RecordError($"{keyword} needs exactly one argument, and none was given. Write for example `{ExampleFor(keyword)}`.", instruction.Position);
                    }

                    break;
                case "ONBUILD":
                    ReadTrigger(instruction, logical, positions, argumentsStart, endLine);
                    break;
            }
        }

        private static string ExampleFor(string keyword)
        {
            switch (keyword)
            {
                case "USER":
                    return "USER 10001";
                case "WORKDIR":
                    return "WORKDIR /app";
                case "STOPSIGNAL":
                    return "STOPSIGNAL SIGTERM";
                default:
                    return keyword + " name";
            }
        }

        private void CheckStageOrder(DockerfileInstruction instruction)
        {
            if (instruction.Keyword == "FROM")
            {
                _seenFrom = true;
                return;
            }

            if (!_seenFrom && instruction.Keyword != "ARG")
            {
                _errorIsInstructionBeforeFrom = _error == null;
                RecordError(
                    $"{instruction.Keyword} appears before the first FROM. Only ARG may come before FROM; move this instruction after a FROM line.",
                    instruction.Position);
            }
        }

        private static IReadOnlyList<InstructionWord> ToWords(DockerfileInstruction instruction, List<TextSpan> spans)
        {
            var words = new List<InstructionWord>(spans.Count);
            foreach (TextSpan span in spans)
            {
                words.Add(new InstructionWord(span.Text, span.Offset, instruction.PositionOf(span.Offset)));
            }

            return words;
        }

        private void ReadMaybeExecForm(DockerfileInstruction instruction, string text, int offset, bool toList)
        {
            if (text.StartsWith("[", StringComparison.Ordinal))
            {
                JsonArrayResult result = JsonStringArray.TryParse(text, out List<string> items);
                if (result == JsonArrayResult.StringArray)
                {
                    instruction.IsExecForm = true;
                    instruction.ExecArguments = items;
                    return;
                }

                if (result == JsonArrayResult.NotStringArray)
                {
                    RecordError(
                        $"{instruction.Keyword} uses the JSON (exec) form but an element is not a string: {text}. Quote every element, for example [\"sleep\", \"10\"].",
                        instruction.PositionOf(offset));
                    return;
                }
            }

            if (toList)
            {
                var spans = ArgumentLexer.SplitOnWhitespace(text);
                var words = new List<InstructionWord>(spans.Count);
                foreach (TextSpan span in spans)
                {
                    words.Add(new InstructionWord(span.Text, offset + span.Offset, instruction.PositionOf(offset + span.Offset)));
                }

                instruction.Words = words;
            }
        }

        private void ReadHealthcheck(DockerfileInstruction instruction)
        {
            List<TextSpan> words = ArgumentLexer.SplitOnWhitespace(instruction.Arguments);
            if (words.Count == 0)
            {
                RecordError("HEALTHCHECK needs CMD or NONE. Write for example `HEALTHCHECK CMD curl -f http://localhost:8080/ || exit 1`.", instruction.Position);
                return;
            }

            string type = words[0].Text.ToUpperInvariant();
            if (type == "CMD")
            {
                int offset = SkipWhitespace(instruction.Arguments, words[0].Offset + words[0].Text.Length);
                ReadMaybeExecForm(instruction, instruction.Arguments.Substring(offset), offset, toList: false);
            }
            else if (type != "NONE")
            {
                RecordError($"HEALTHCHECK must be followed by CMD or NONE, not '{words[0].Text}'.", instruction.PositionOf(words[0].Offset));
            }
        }

        private void CheckFrom(DockerfileInstruction instruction)
        {
            IReadOnlyList<InstructionWord> words = instruction.Words;
            bool valid = words.Count == 1 || (words.Count == 3 && string.Equals(words[1].Text, "AS", StringComparison.OrdinalIgnoreCase));
            if (!valid)
            {
                RecordError(
                    $"FROM takes an image and an optional `AS name`, but '{instruction.Arguments}' was given. Write `FROM image[:tag] [AS name]`.",
                    instruction.Position);
                return;
            }

            if (words.Count == 3 && !IsValidStageName(words[2].Text.ToLowerInvariant()))
            {
                RecordError(
                    $"The stage name '{words[2].Text}' is invalid: it must start with a letter and contain only letters, digits, '-', '_' and '.'.",
                    words[2].Position);
            }
        }

        /// <summary>BuildKit's stage-name pattern after lower-casing: <c>^[a-z][a-z0-9-_.]*$</c>.</summary>
        private static bool IsValidStageName(string name)
        {
            if (name.Length == 0 || name[0] < 'a' || name[0] > 'z')
            {
                return false;
            }

            foreach (char ch in name)
            {
                bool allowed = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' || ch == '.';
                if (!allowed)
                {
                    return false;
                }
            }

            return true;
        }

        private void CheckNameValues(DockerfileInstruction instruction)
        {
            IReadOnlyList<InstructionWord> words = instruction.Words;
            string keyword = instruction.Keyword;
            if (words.Count == 0)
            {
                RecordError($"{keyword} needs at least one argument. Write for example `{keyword} NAME=value`.", instruction.Position);
                return;
            }

            if (keyword == "ARG")
            {
                foreach (InstructionWord word in words)
                {
                    if (word.Text.StartsWith("=", StringComparison.Ordinal))
                    {
                        RecordError($"ARG '{word.Text}' has no name. Write `ARG NAME=value`.", word.Position);
                    }
                }

                return;
            }

            // ENV and LABEL: a first word without '=' selects the legacy `KEY value` form.
            if (words[0].Text.IndexOf('=') < 0)
            {
                if (words.Count < 2)
                {
                    RecordError($"{keyword} {words[0].Text} has no value. Write `{keyword} {words[0].Text}=value`.", instruction.Position);
                }

                return;
            }

            foreach (InstructionWord word in words)
            {
                int equals = word.Text.IndexOf('=');
                if (equals < 0)
                {
                    RecordError($"{keyword} word '{word.Text}' has no '='. Write each pair as name=value.", word.Position);
                    return;
                }

                if (equals == 0)
                {
                    RecordError($"{keyword} word '{word.Text}' has no name. Write each pair as name=value.", word.Position);
                    return;
                }
            }
        }

        private void ReadTrigger(DockerfileInstruction instruction, string logical, PositionMap positions, int argumentsStart, int endLine)
        {
            if (instruction.Arguments.Length == 0)
            {
                RecordError("ONBUILD needs an instruction to store, for example `ONBUILD COPY . /app`.", instruction.Position);
                return;
            }

            DockerfileInstruction? trigger = ParseInstruction(logical, positions, argumentsStart, endLine, nested: true);
            instruction.Trigger = trigger;
            if (trigger == null)
            {
                return;
            }

            if (trigger.Keyword == "ONBUILD" || trigger.Keyword == "FROM" || trigger.Keyword == "MAINTAINER")
            {
                RecordError($"{trigger.Keyword} is not allowed as an ONBUILD trigger. Remove this ONBUILD line.", trigger.Position);
            }
        }

        private static bool CanContainHeredoc(DockerfileInstruction instruction)
        {
            DockerfileInstruction target = instruction.Keyword == "ONBUILD" && instruction.Trigger != null ? instruction.Trigger : instruction;
            string keyword = target.Keyword;
            return (keyword == "RUN" || keyword == "COPY" || keyword == "ADD") && !target.IsExecForm;
        }

        /// <summary>Reads the bodies of the heredocs opened on the instruction's line and returns the index of the next line.</summary>
        private int ReadHeredocs(DockerfileInstruction instruction, int index)
        {
            DockerfileInstruction target = instruction.Trigger ?? instruction;
            if (!CanContainHeredoc(instruction) || target.Arguments.IndexOf("<<", StringComparison.Ordinal) < 0)
            {
                return index;
            }

            var heredocs = new List<Heredoc>();
            foreach (TextSpan word in ArgumentLexer.SplitWords(target.Arguments, '\\'))
            {
                if (!TryReadHeredocWord(word.Text, out string name, out bool stripTabs, out bool expands))
                {
                    continue;
                }

                var body = new StringBuilder();
                int bodyStart = index + 1;
                bool terminated = false;
                while (index < _lines.Count)
                {
                    string line = _lines[index];
                    index++;
                    if (stripTabs)
                    {
                        line = line.TrimStart('\t');
                    }

                    if (line == name)
                    {
                        terminated = true;
                        break;
                    }

                    body.Append(line).Append('\n');
                }

                if (!terminated)
                {
                    RecordError(
                        $"The heredoc '<<{(stripTabs ? "-" : string.Empty)}{name}' is never closed. Add a line that contains only '{name}' after its body.",
                        target.PositionOf(word.Offset));
                }

                heredocs.Add(new Heredoc(name, stripTabs, expands, body.ToString(), bodyStart));
            }

            instruction.Heredocs = heredocs;
            target.Heredocs = heredocs;
            instruction.EndLine = Math.Max(instruction.EndLine, index);
            target.EndLine = instruction.EndLine;
            return index;
        }

        /// <summary>
        /// Matches a word against BuildKit's heredoc pattern <c>^(\d*)&lt;&lt;(-?)\s*([^&lt;]*)$</c> and
        /// returns the delimiter with quotes and escapes removed. A delimiter that is not one word is no heredoc.
        /// </summary>
        private static bool TryReadHeredocWord(string word, out string name, out bool stripTabs, out bool expands)
        {
            name = string.Empty;
            stripTabs = false;
            expands = true;
            int i = 0;
            while (i < word.Length && word[i] >= '0' && word[i] <= '9')
            {
                i++;
            }

            if (string.CompareOrdinal(word, i, "<<", 0, 2) != 0)
            {
                return false;
            }

            i += 2;
            if (i < word.Length && word[i] == '-')
            {
                stripTabs = true;
                i++;
            }

            string rest = word.Substring(i).Trim();
            if (rest.Length == 0 || rest.IndexOf('<') >= 0)
            {
                return false;
            }

            var unquoted = new StringBuilder();
            char quote = '\0';
            for (int j = 0; j < rest.Length; j++)
            {
                char ch = rest[j];
                if (quote == '\0' && (ch == '\'' || ch == '"'))
                {
                    quote = ch;
                    expands = false;
                    continue;
                }

                if (ch == quote)
                {
                    quote = '\0';
                    continue;
                }

                if (ch == '\\' && quote != '\'' && j + 1 < rest.Length)
                {
                    expands = false;
                    j++;
                    ch = rest[j];
                }
                else if (quote == '\0' && char.IsWhiteSpace(ch))
                {
                    return false;
                }

                unquoted.Append(ch);
            }

            name = unquoted.ToString();
            return name.Length > 0;
        }
    }
}
