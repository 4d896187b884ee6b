using System;
using System.Collections.Generic;
using Hardening.Build.Syntax.Dockerfile;

namespace Hardening.Build.Dockerfiles
{
    /// <summary>A parsed Dockerfile: its syntax tree, build stages and at most one parse diagnostic.</summary>
    public sealed class DockerfileDocument
    {
        private readonly List<DockerfileStage> _stages;
        private readonly List<DockerfileInstruction> _globalArgs;

        private readonly Origin _origin;

        private DockerfileDocument(
            Origin origin,
            DockerfileSyntaxTree syntax,
            IReadOnlyList<Finding> diagnostics,
            List<DockerfileStage> stages,
            List<DockerfileInstruction> globalArgs,
            string? unsupportedFrontend)
        {
            FilePath = origin.FilePath;
            _origin = origin;
            Syntax = syntax;
            Diagnostics = diagnostics;
            _stages = stages;
            _globalArgs = globalArgs;
            UnsupportedFrontend = unsupportedFrontend;
        }

        public string FilePath { get; }

        public DockerfileSyntaxTree Syntax { get; }

        /// <summary>At most one HARD0001 finding, at the first error; empty when the file parsed cleanly.</summary>
        public IReadOnlyList<Finding> Diagnostics { get; }

        /// <summary>The stages in file order; empty when the file has no FROM or uses another frontend.</summary>
        public IReadOnlyList<DockerfileStage> Stages => _stages;

        /// <summary>The last stage, which <c>docker build</c> produces when no target is given.</summary>
        public DockerfileStage? FinalStage => _stages.Count == 0 ? null : _stages[_stages.Count - 1];

        /// <summary>The ARG instructions before the first FROM, which only FROM lines can use.</summary>
        public IReadOnlyList<DockerfileInstruction> GlobalArgs => _globalArgs;

        /// <summary>
        /// The ignore file of the Dockerfile's own folder, used when no Compose service names another
        /// build context; null when the file was not looked for.
        /// </summary>
        public DockerIgnore? DockerIgnore { get; internal set; }

        /// <summary>The frontend image named by a <c># syntax=</c> directive that is not Docker's; such a file is not checked.</summary>
        public string? UnsupportedFrontend { get; }

        public static DockerfileDocument Parse(string filePath, string text) => Parse(filePath, text, 0, 0);

        /// <summary>
        /// Parses Dockerfile text that starts inside another file, such as a Compose <c>dockerfile_inline</c>
        /// block: every location is moved by the given number of lines and columns.
        /// </summary>
        public static DockerfileDocument Parse(string filePath, string text, int lineOffset, int columnOffset)
        {
            var origin = new Origin(filePath, lineOffset, columnOffset);
            DockerfileSyntaxTree syntax = DockerfileParser.Parse(text);
            var stages = new List<DockerfileStage>();
            var globalArgs = new List<DockerfileInstruction>();

            ParserDirective? frontend = syntax.GetDirective("syntax");
            string? unsupported = frontend != null && !IsDockerFrontend(frontend.Value) ? frontend.Value : null;
            if (unsupported != null && frontend != null)
            {
                var notChecked = new Finding(
                    InputDiagnostics.DockerfileParseError,
                    origin.Locate(frontend.Position),
                    $"The syntax directive selects the frontend '{unsupported}', which is not Docker's Dockerfile frontend, so this file was not checked. Remove the file from the HardeningFile items, or use `# syntax=docker/dockerfile:1` if it is a Dockerfile.");
                return new DockerfileDocument(origin, syntax, new[] { notChecked }, stages, globalArgs, unsupported);
            }

            BuildStages(origin, syntax, stages, globalArgs);
            var document = new DockerfileDocument(origin, syntax, CreateDiagnostics(origin, syntax), stages, globalArgs, null);
            document.ResolveBaseImages();
            return document;
        }

        /// <summary>Returns the stage with this name, compared case-insensitively as BuildKit lower-cases stage names.</summary>
        public DockerfileStage? GetStage(string name)
        {
            foreach (DockerfileStage stage in _stages)
            {
                if (stage.Name != null && string.Equals(stage.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return stage;
                }
            }

            return null;
        }

        public DockerfileStage? GetStage(int index) => index >= 0 && index < _stages.Count ? _stages[index] : null;

        /// <summary>
        /// Evaluates the effective user of a stage: USER instructions along the chain of
        /// <c>FROM &lt;stage&gt;</c> parents with ARG and ENV expanded, the parent's ONBUILD triggers,
        /// and otherwise the default user of the external base image.
        /// </summary>
        /// <param name="buildArgs">Build arguments (Compose <c>build.args</c>); null when none are known.</param>
        public UserResolution ResolveUser(DockerfileStage stage, IReadOnlyDictionary<string, string>? buildArgs) =>
            ResolveUser(stage, buildArgs, BaseImageCatalog.Default);

        public UserResolution ResolveUser(DockerfileStage stage, IReadOnlyDictionary<string, string>? buildArgs, BaseImageCatalog catalog) =>
            new UserEvaluator(this, buildArgs, catalog).Evaluate(stage);

        /// <summary>Expands a FROM reference with the global ARGs and the build arguments.</summary>
        internal ExpansionResult ExpandFromReference(string reference, IReadOnlyDictionary<string, string>? buildArgs)
        {
            Dictionary<string, VariableValue> globals = EvaluateGlobalArgs(buildArgs);
            var expander = new VariableExpander(Syntax.EscapeCharacter, name => LookupGlobal(globals, name));
            return expander.Expand(reference);
        }

        /// <summary>
        /// Returns the global ARG values: a build argument wins over the default, a default is expanded
        /// with the ARGs above it, and an ARG with neither is unknown.
        /// </summary>
        internal Dictionary<string, VariableValue> EvaluateGlobalArgs(IReadOnlyDictionary<string, string>? buildArgs)
        {
            var globals = new Dictionary<string, VariableValue>(StringComparer.Ordinal);
            foreach (DockerfileInstruction arg in _globalArgs)
            {
                foreach (InstructionWord word in arg.Words)
                {
                    SplitArg(word.Text, out string name, out string? defaultValue);
                    if (buildArgs != null && buildArgs.TryGetValue(name, out string? passed))
                    {
                        globals[name] = VariableValue.Known(passed);
                    }
                    else if (defaultValue != null)
                    {
                        var expander = new VariableExpander(Syntax.EscapeCharacter, n => LookupGlobal(globals, n));
                        ExpansionResult result = expander.Expand(defaultValue);
                        globals[name] = result.UnresolvedVariable != null
                            ? VariableValue.UnknownBecauseOf(result.UnresolvedVariable)
                            : VariableValue.Known(result.Value);
                    }
                    else
                    {
                        globals[name] = VariableValue.UnknownBecauseOf(name);
                    }
                }
            }

            return globals;
        }

        internal static void SplitArg(string word, out string name, out string? defaultValue)
        {
            int equals = word.IndexOf('=');
            name = equals < 0 ? word : word.Substring(0, equals);
            defaultValue = equals < 0 ? null : word.Substring(equals + 1);
        }

        /// <summary>Returns the earlier stage that a FROM value names, or null when it names an image.</summary>
        internal DockerfileStage? FindEarlierStage(DockerfileStage stage, string expandedReference)
        {
            for (int i = 0; i < stage.Index; i++)
            {
                DockerfileStage candidate = _stages[i];
                if (candidate.Name != null && string.Equals(candidate.Name, expandedReference, StringComparison.OrdinalIgnoreCase))
                {
                    return candidate;
                }
            }

            return null;
        }

        private static VariableValue LookupGlobal(Dictionary<string, VariableValue> globals, string name)
        {
            if (globals.TryGetValue(name, out VariableValue value))
            {
                return value;
            }

            // BuildKit sets the platform ARGs per build; their values cannot be known statically.
            bool automatic = name.StartsWith("TARGET", StringComparison.Ordinal) || name.StartsWith("BUILD", StringComparison.Ordinal);
            return automatic ? VariableValue.UnknownBecauseOf(name) : VariableValue.Unset;
        }

        private static bool IsDockerFrontend(string value)
        {
            string image = value.Trim();
            int space = image.IndexOfAny(new[] { ' ', '\t' });
            if (space >= 0)
            {
                image = image.Substring(0, space);
            }

            ImageReference reference = ImageReference.Parse(image);
            return reference.IsDockerHub && reference.Repository.StartsWith("docker/dockerfile", StringComparison.Ordinal);
        }

        /// <summary>Where a position of the parsed text is in the file that contains it.</summary>
        public SourceLocation Locate(TextPosition position) => _origin.Locate(position);

        private static IReadOnlyList<Finding> CreateDiagnostics(Origin origin, DockerfileSyntaxTree syntax)
        {
            if (syntax.Error == null)
            {
                return Array.Empty<Finding>();
            }

            SourceLocation location = origin.Locate(syntax.Error.Position);
            return new[] { new Finding(InputDiagnostics.DockerfileParseError, location, syntax.Error.Message) };
        }

        private static void BuildStages(Origin origin, DockerfileSyntaxTree syntax, List<DockerfileStage> stages, List<DockerfileInstruction> globalArgs)
        {
            DockerfileInstruction? from = null;
            var body = new List<DockerfileInstruction>();
            foreach (DockerfileInstruction instruction in syntax.Instructions)
            {
                if (instruction.Keyword == "FROM")
                {
                    if (from != null)
                    {
                        stages.Add(CreateStage(origin, stages.Count, from, body));
                    }

                    from = instruction;
                    body = new List<DockerfileInstruction>();
                }
                else if (from != null)
                {
                    body.Add(instruction);
                }
                else if (instruction.Keyword == "ARG")
                {
                    globalArgs.Add(instruction);
                }
            }

            if (from != null)
            {
                stages.Add(CreateStage(origin, stages.Count, from, body));
            }
        }

        private static DockerfileStage CreateStage(Origin origin, int index, DockerfileInstruction from, List<DockerfileInstruction> body)
        {
            IReadOnlyList<InstructionWord> words = from.Words;
            string reference = words.Count > 0 ? words[0].Text : string.Empty;
            // Without "AS" in the middle BuildKit rejects the FROM, so the third word names no stage.
            bool hasName = words.Count == 3 && string.Equals(words[1].Text, "AS", StringComparison.OrdinalIgnoreCase);
            string? name = hasName ? words[2].Text.ToLowerInvariant() : null;
            SourceLocation location = origin.Locate(from.Position);
            return new DockerfileStage(index, name, from, location, reference, body);
        }

        private void ResolveBaseImages()
        {
            foreach (DockerfileStage stage in _stages)
            {
                ExpansionResult result = ExpandFromReference(stage.BaseReference, null);
                if (result.UnresolvedVariable != null)
                {
                    stage.UnresolvedVariable = result.UnresolvedVariable;
                    continue;
                }

                if (result.Value.Length == 0)
                {
                    continue;
                }

                stage.BaseImage = result.Value;
                stage.Parent = FindEarlierStage(stage, result.Value);
            }
        }

        private readonly struct Origin
        {
            private readonly int _lineOffset;
            private readonly int _columnOffset;

            public Origin(string filePath, int lineOffset, int columnOffset)
            {
                FilePath = filePath;
                _lineOffset = lineOffset;
                _columnOffset = columnOffset;
            }

            public string FilePath { get; }

            public SourceLocation Locate(TextPosition position) =>
                new SourceLocation(FilePath, position.Line + _lineOffset, position.Column + _columnOffset);
        }
    }
}
