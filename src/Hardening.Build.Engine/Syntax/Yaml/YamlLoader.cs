using System;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Hardening.Build.Syntax.Yaml
{
    /// <summary>
    /// Loads a YAML stream into located nodes in one pass over YamlDotNet's parser events. Every
    /// failure, including hostile input, becomes <see cref="YamlLoadResult.Error"/> instead of an exception.
    /// </summary>
    public static class YamlLoader
    {
        /// <summary>
        /// The maximum number of nodes one stream may create, alias copies included: about 200 bytes of
        /// memory each, so at most some 200 MB. A file within the default size limit of 10 MiB stays below it
        /// unless its nodes are a few bytes each.
        /// </summary>
        public const int MaxNodeCount = 1_000_000;

        /// <summary>
        /// The maximum number of nodes alias copies may add. It stops alias bombs ("billion laughs") long
        /// before they exhaust memory, as compose-go's limit of 100,000 does.
        /// </summary>
        public const int MaxAliasNodeCount = 100_000;

        /// <summary>The maximum nesting depth of sequences and mappings, alias copies included.</summary>
        public const int MaxDepth = 500;

        /// <param name="filePath">The absolute path stored in every location.</param>
        /// <param name="text">The decoded text. A leading byte-order mark is skipped.</param>
        /// <exception cref="ArgumentNullException">An argument is null. Errors in the text are returned in the result, not thrown.</exception>
        public static YamlLoadResult Load(string filePath, string text)
        {
            if (filePath == null)
            {
                throw new ArgumentNullException(nameof(filePath));
            }

            if (text == null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            // YamlDotNet 16 keeps U+FEFF as part of the first scalar, so remove it here.
            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                text = text.Substring(1);
            }

            var builder = new YamlTreeBuilder(filePath);
            var parser = new Parser(new StringReader(text));
            while (true)
            {
                bool hasEvent;
                try
                {
                    hasEvent = parser.MoveNext();
                }
                catch (YamlException ex)
                {
                    return WithinText(ParserFailure(ex, filePath, text, parser, builder), filePath, text);
                }
                catch (Exception ex) when (!(ex is OutOfMemoryException))
                {
                    return WithinText(InternalParserFailure(ex, filePath, parser, builder), filePath, text);
                }

                if (!hasEvent)
                {
                    break;
                }

                try
                {
                    builder.Add(parser.Current!);
                }
                catch (YamlTreeException ex)
                {
                    return builder.Fail(ex.Message, ex.Location);
                }
            }

            return builder.Finish();
        }

        /// <summary>
        /// Moves an error that YamlDotNet 16 places past the end of the text, such as on the line after a
        /// last line without a line break, to the end of the text, so the location exists in the file.
        /// </summary>
        private static YamlLoadResult WithinText(YamlLoadResult result, string filePath, string text)
        {
            if (result.Error == null)
            {
                return result;
            }

            SourceLocation end = LocationOf(filePath, text, text.Length);
            SourceLocation location = result.Error.Location;
            bool pastEnd = location.Line > end.Line || (location.Line == end.Line && location.Column > end.Column);
            if (!pastEnd)
            {
                return result;
            }

            return new YamlLoadResult(result.Documents, new YamlLoadError(result.Error.Message, end));
        }

        /// <summary>
        /// Returns the line and column of a character index, counting line breaks as YAML does: CR LF,
        /// CR, LF, and the breaks NEL, LS and PS, which YamlDotNet 16 and Docker Compose's parser also accept.
        /// </summary>
        public static SourceLocation LocationOf(string filePath, string text, int index)
        {
            int line = 1;
            int column = 1;
            int start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
            for (int i = start; i < index && i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    continue;
                }

                if (IsLineBreak(c))
                {
                    line++;
                    column = 1;
                }
                else
                {
                    column++;
                }
            }

            return new SourceLocation(filePath, line, column);
        }

        /// <summary>Whether YAML ends a line at this character.</summary>
        public static bool IsLineBreak(char c) => c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';

        /// <summary>
        /// Keeps YamlDotNet's message and adds what it leaves out: the fix for tabs and where an
        /// unclosed flow collection or quote starts.
        /// </summary>
        private static YamlLoadResult ParserFailure(YamlException ex, string filePath, string text, Parser parser, YamlTreeBuilder builder)
        {
            string message = StripMarkPrefix(ex.Message);
            SourceLocation location = ex.Start.Line > 0
                ? new SourceLocation(filePath, (int)ex.Start.Line, (int)ex.Start.Column, (int)ex.End.Line, (int)ex.End.Column)
                : LastEventLocation(filePath, parser);

            if (message.IndexOf(" tab", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                // YamlDotNet 16 marks the start of the enclosing mapping, not the tab itself.
                SourceLocation? tab = ex.Start.Line > 0 ? FindIndentationTab(filePath, text, ex.Start) : null;
                return builder.Fail(message + " Indent with spaces: YAML does not allow tabs in indentation.", tab ?? location);
            }

            if (message.IndexOf("quoted scalar", StringComparison.OrdinalIgnoreCase) >= 0
                && message.IndexOf("end of stream", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return builder.Fail(message + " Close the quote that opens here.", location);
            }

            SourceLocation? openFlow = builder.InnermostFlowCollection;
            if (openFlow.HasValue && message.IndexOf("flow", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                string fix = $" Close the flow collection that opens at line {openFlow.Value.Line}, column {openFlow.Value.Column}.";
                return builder.Fail(message + fix, location);
            }

            return builder.Fail(message, location);
        }

        /// <summary>
        /// Reports an exception that YamlDotNet does not document. Version 16.3.0 throws
        /// InvalidOperationException for a plain scalar that runs onto the next line inside an
        /// unclosed flow collection, so the open collection is the likely cause.
        /// </summary>
        private static YamlLoadResult InternalParserFailure(Exception ex, string filePath, Parser parser, YamlTreeBuilder builder)
        {
            SourceLocation? openFlow = builder.InnermostFlowCollection;
            if (openFlow.HasValue)
            {
                string message = "The flow collection that opens here is not closed properly. Check that it ends with ']' or '}' and that its items are separated by commas.";
                return builder.Fail(message, openFlow.Value);
            }

            return builder.Fail($"The YAML parser failed here ({ex.Message}).", LastEventLocation(filePath, parser));
        }

        /// <summary>Finds the first tab in the leading whitespace of a line, at or after <paramref name="from"/>.</summary>
        private static SourceLocation? FindIndentationTab(string filePath, string text, Mark from)
        {
            int line = (int)from.Line;
            int column = (int)from.Column;
            bool inIndentation = column == 1;
            for (int i = (int)from.Index; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\n' || (c == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
                {
                    line++;
                    column = 1;
                    inIndentation = true;
                    continue;
                }

                if (c == '\t' && inIndentation)
                {
                    return new SourceLocation(filePath, line, column, line, column + 1);
                }

                if (c != ' ' && c != '\r')
                {
                    inIndentation = false;
                }

                column++;
            }

            return null;
        }

        private static SourceLocation LastEventLocation(string filePath, Parser parser)
        {
            ParsingEvent? current = parser.Current;
            return current == null
                ? SourceLocation.StartOf(filePath)
                : new SourceLocation(filePath, (int)current.End.Line, (int)current.End.Column);
        }

        /// <summary>
        /// Drops a leading "(Line: 1, Col: 2, Idx: 1) - (Line: ...): " that repeats the location.
        /// YamlDotNet 16.3.0 adds it only in ToString, so this guards other versions.
        /// </summary>
        private static string StripMarkPrefix(string message)
        {
            if (!message.StartsWith("(Line:", StringComparison.Ordinal))
            {
                return message;
            }

            int end = message.IndexOf("): ", StringComparison.Ordinal);
            while (end >= 0 && message.Length > end + 3 && message[end + 3] == '(')
            {
                end = message.IndexOf("): ", end + 3, StringComparison.Ordinal);
            }

            return end < 0 ? message : message.Substring(end + 3);
        }
    }
}
