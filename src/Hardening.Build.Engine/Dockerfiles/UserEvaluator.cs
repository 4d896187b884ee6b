using System;
using System.Collections.Generic;
using Hardening.Build.Syntax.Dockerfile;

namespace Hardening.Build.Dockerfiles
{
    /// <summary>
    /// Replays ARG, ENV and USER along a chain of stages to find the effective user, following
    /// BuildKit: global ARGs are visible in a stage only after <c>ARG NAME</c> re-declares them, a
    /// stage ARG applies from its line on, ENV wins over ARG, one ENV instruction reads the values from
    /// before it, and <c>FROM &lt;stage&gt;</c> inherits ENV, ARG and USER and runs the parent's ONBUILD triggers.
    /// </summary>
    internal sealed class UserEvaluator
    {
        private readonly DockerfileDocument _document;
        private readonly IReadOnlyDictionary<string, string>? _buildArgs;
        private readonly BaseImageCatalog _catalog;
        private readonly Dictionary<string, VariableValue> _globals;
        private readonly Dictionary<string, VariableValue> _env = new Dictionary<string, VariableValue>(StringComparer.Ordinal);
        private readonly Dictionary<string, VariableValue> _args = new Dictionary<string, VariableValue>(StringComparer.Ordinal);
        private bool _baseKnown;
        private bool _userSet;
        private string? _user;
        private UserKind _userKind;
        private string? _userUnresolved;
        private SourceLocation _userLocation;
        private DockerfileStage? _userStage;

        public UserEvaluator(DockerfileDocument document, IReadOnlyDictionary<string, string>? buildArgs, BaseImageCatalog catalog)
        {
            _document = document;
            _buildArgs = buildArgs;
            _catalog = catalog;
            _globals = document.EvaluateGlobalArgs(buildArgs);
        }

        public UserResolution Evaluate(DockerfileStage stage)
        {
            List<DockerfileStage> chain = BuildChain(stage, out string? baseImage, out string? baseUnresolved);
            BaseImageDefaults? defaults = baseImage == null ? null : _catalog.Lookup(baseImage);
            _baseKnown = defaults != null;
            if (defaults != null)
            {
                foreach (KeyValuePair<string, string> pair in defaults.Environment)
                {
                    _env[pair.Key] = VariableValue.Known(pair.Value);
                }
            }

            for (int i = 0; i < chain.Count; i++)
            {
                if (i > 0)
                {
                    RunTriggers(chain[i - 1]);
                }

                foreach (DockerfileInstruction instruction in chain[i].Instructions)
                {
                    Apply(instruction, chain[i], instruction.Position);
                }
            }

            if (_userSet)
            {
                return new UserResolution(_user, _userKind, _userLocation, _userStage!, false, baseImage, defaults, _userUnresolved);
            }

            if (defaults == null)
            {
                return new UserResolution(null, UserKind.Unknown, stage.FromLocation, stage, true, baseImage, null, baseUnresolved);
            }

            return new UserResolution(defaults.User, defaults.Kind, stage.FromLocation, stage, true, baseImage, defaults, null);
        }

        /// <summary>Returns the stages from the root (built on an external image) down to the given stage.</summary>
        private List<DockerfileStage> BuildChain(DockerfileStage stage, out string? baseImage, out string? unresolved)
        {
            var chain = new List<DockerfileStage>();
            DockerfileStage? current = stage;
            baseImage = null;
            unresolved = null;
            while (current != null)
            {
                chain.Insert(0, current);
                ExpansionResult reference = _document.ExpandFromReference(current.BaseReference, _buildArgs);
                if (reference.UnresolvedVariable != null)
                {
                    unresolved = reference.UnresolvedVariable;
                    break;
                }

                DockerfileStage? parent = _document.FindEarlierStage(current, reference.Value);
                if (parent == null)
                {
                    baseImage = reference.Value.Length == 0 ? null : reference.Value;
                    unresolved = reference.Value.Length == 0 ? reference.FirstUnsetVariable : null;
                }

                current = parent;
            }

            return chain;
        }

        private void RunTriggers(DockerfileStage parent)
        {
            foreach (DockerfileInstruction instruction in parent.Instructions)
            {
                if (instruction.Keyword == "ONBUILD" && instruction.Trigger != null)
                {
                    Apply(instruction.Trigger, parent, instruction.Position);
                }
            }
        }

        private void Apply(DockerfileInstruction instruction, DockerfileStage stage, TextPosition position)
        {
            switch (instruction.Keyword)
            {
                case "ARG":
                    ApplyArg(instruction);
                    break;
                case "ENV":
                    ApplyEnv(instruction);
                    break;
                case "USER":
                    ApplyUser(instruction, stage, position);
                    break;
            }
        }

        // NOTE: names are compared case-sensitively. BuildKit ignores case on Windows images, so
        // `USER $app_uid` after `ENV APP_UID=…` on a Windows base resolves here as unset.
        private VariableValue Lookup(string name)
        {
            if (_env.TryGetValue(name, out VariableValue value) || _args.TryGetValue(name, out value))
            {
                return value;
            }

            // An image outside the catalogue may set any ENV, so an undeclared name could have a value.
            return _baseKnown ? VariableValue.Unset : VariableValue.UnknownBecauseOf(name);
        }

        private ExpansionResult Expand(string text) =>
            new VariableExpander(_document.Syntax.EscapeCharacter, Lookup).Expand(text);

        private static VariableValue ToValue(ExpansionResult result) =>
            result.UnresolvedVariable != null ? VariableValue.UnknownBecauseOf(result.UnresolvedVariable) : VariableValue.Known(result.Value);

        private void ApplyArg(DockerfileInstruction instruction)
        {
            foreach (InstructionWord word in instruction.Words)
            {
                DockerfileDocument.SplitArg(word.Text, out string name, out string? defaultValue);
                if (_buildArgs != null && _buildArgs.TryGetValue(name, out string? passed))
                {
                    _args[name] = VariableValue.Known(passed);
                }
                else if (defaultValue != null)
                {
                    _args[name] = ToValue(Expand(defaultValue));
                }
                else if (_globals.TryGetValue(name, out VariableValue global))
                {
                    _args[name] = global;
                }
                else if (!_args.ContainsKey(name))
                {
                    _args[name] = VariableValue.UnknownBecauseOf(name);
                }
            }
        }

        private void ApplyEnv(DockerfileInstruction instruction)
        {
            IReadOnlyList<InstructionWord> words = instruction.Words;
            if (words.Count == 0)
            {
                return;
            }

            var assigned = new List<KeyValuePair<string, VariableValue>>();
            if (words[0].Text.IndexOf('=') < 0)
            {
                // Legacy form `ENV NAME rest of the line`: the whole rest is the value.
                string rest = instruction.Arguments.Substring(words[0].Offset + words[0].Text.Length).TrimStart();
                assigned.Add(new KeyValuePair<string, VariableValue>(Expand(words[0].Text).Value, ToValue(Expand(rest))));
            }
            else
            {
                foreach (InstructionWord word in words)
                {
                    int equals = word.Text.IndexOf('=');
                    if (equals <= 0)
                    {
                        continue;
                    }

                    string name = Expand(word.Text.Substring(0, equals)).Value;
                    assigned.Add(new KeyValuePair<string, VariableValue>(name, ToValue(Expand(word.Text.Substring(equals + 1)))));
                }
            }

            foreach (KeyValuePair<string, VariableValue> pair in assigned)
            {
                _env[pair.Key] = pair.Value;
            }
        }

        private void ApplyUser(DockerfileInstruction instruction, DockerfileStage stage, TextPosition position)
        {
            ExpansionResult result = Expand(instruction.Arguments);
            _userSet = true;
            _userStage = stage;
            _userLocation = _document.Locate(position);
            if (result.UnresolvedVariable != null || result.Error != null)
            {
                _user = null;
                _userKind = UserKind.Unknown;
                _userUnresolved = result.UnresolvedVariable ?? result.FirstUnsetVariable;
                return;
            }

            _user = result.Value;
            _userKind = BaseImageCatalog.ClassifyUser(result.Value);
            _userUnresolved = _userKind == UserKind.Unknown ? result.FirstUnsetVariable : null;
            if (_userKind == UserKind.Unknown)
            {
                _user = null;
            }
        }
    }
}
