using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using CsCheck;
using Hardening.Build.Compose;
using Hardening.Build.Files;
using Hardening.Build.Syntax.Yaml;
using Hardening.Build.Tests.Support;
using Xunit;

namespace Hardening.Build.Tests.Fuzz
{
    /// <summary>
    /// Property-based checks of <see cref="HardeningEngine.Check"/> on generated and mutated files: no
    /// exception escapes, every finding lies inside its file, and each check ends within its bound.
    /// The normal run uses a fixed seed and a few hundred inputs; set HARDENING_FUZZ_ITERATIONS for a
    /// longer run with random seeds.
    /// </summary>
    public sealed class EngineFuzzTests
    {
        private const string Folder = "/repo/app";
        private const string DockerfilePath = Folder + "/Dockerfile";
        private const string ComposePath = Folder + "/compose.yaml";
        private const string OtherPath = Folder + "/other.yml";

        // Generous for a debug build on a slow machine; a typical check of these inputs takes milliseconds.
        private static readonly TimeSpan CheckBound = TimeSpan.FromSeconds(5);

        private static readonly string[] DockerfileLines =
        {
            "FROM alpine:3.20", "FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base", "FROM base AS final", "FROM scratch",
            "FROM ${IMAGE:-alpine}", "USER root", "USER 0:0", "USER $APP_UID", "USER ${UID:-1000}", "USER app", "USER",
            "ARG UID=1000", "ARG IMAGE", "ENV A=b C=\"d e\"", "RUN echo hi \\", "  && echo there", "RUN <<EOF", "echo body",
            "EOF", "RUN <<-\"END\" cat", "\tEND", "COPY --from=build /a /b", "COPY <<EOT /x", "EOT", "# escape=`",
            "# syntax=docker/dockerfile:1", "ONBUILD USER root", "HEALTHCHECK CMD true", "SHELL [\"sh\", \"-c\"]",
            "CMD [\"a\"", "ENTRYPOINT [\"dotnet\", \"App.dll\"]", "EXPOSE 80", "", "   ", "\t", "# comment", "LABEL a=\"b",
            "WORKDIR /app", "USER ${A:-${B:-${C}}}", "USER '", "RUN `", "FROM", "AS", "\\",
            "USER root\r", "FROM alpine\rUSER root", "LABEL a=\u0085\u2028",
        };

        private static readonly string[] ComposeLines =
        {
            "services:", "  web:", "  api:", "    image: nginx:1.27", "    image: ${IMAGE:-nginx}", "    user: root",
            "    user: \"1000:1000\"", "    build: .", "    build:", "      context: .", "      dockerfile: Dockerfile",
            "      target: final", "      dockerfile_inline: |", "        FROM alpine", "        USER root",
            "    read_only: true", "    read_only: false", "    cap_drop: [ALL]", "    cap_drop:", "      - ALL",
            "    security_opt: [\"no-new-privileges:true\"]", "    tmpfs: [/tmp]", "    ports: [\"80:80\"]",
            "    restart: unless-stopped", "    mem_limit: 256m", "    cpus: 0.5", "    extends: web", "    extends:",
            "      file: other.yml", "      service: base", "    <<: *common", "x-common: &common", "  read_only: true",
            "include:", "  - other.yml", "    deploy: {resources: {limits: {memory: 1g, cpus: \"1\"}}}",
            "    environment:", "      - A=${B:?unset}", "    volumes:", "      - data:/tmp", "volumes:", "  data: {}",
            "", "  ", "\t", "# comment", "---", "...", "    command: [a, b", "    image: \"unterminated", "? complex",
            "    user: *missing", "    &anchor", "    !!int x: 1", "    user: !!str 0",
            "    user: root\r", "  db:\r    image: postgres", "    image: a\u0085b", "    image: a\u2028    user: root",
        };

        private static readonly string[] OtherFile =
        {
            "services:\n  base:\n    image: nginx:1.27\n    user: root\n",
            "include:\n  - compose.yaml\n",
            "services:\n  base:\n    extends:\n      file: compose.yaml\n      service: web\n",
        };

        private static long Iterations =>
            long.TryParse(Environment.GetEnvironmentVariable("HARDENING_FUZZ_ITERATIONS"), out long value) && value > 0 ? value : 300;

        /// <summary>A fixed seed for the normal run, so a failure repeats; null (random) for the long run.</summary>
        private static string? Seed => Environment.GetEnvironmentVariable("HARDENING_FUZZ_ITERATIONS") == null ? "0000000Hard1" : null;

        private static Gen<string> Lines(string[] vocabulary, int max) =>
            Gen.Int[0, vocabulary.Length - 1].Select(i => vocabulary[i]).Array[0, max].Select(lines => string.Join("\n", lines) + "\n");

        private static readonly Gen<(byte[] Dockerfile, byte[] Compose, byte[] Other)> GeneratedProject =
            Gen.Select(
                Lines(DockerfileLines, 30),
                Lines(ComposeLines, 40),
                Gen.Int[0, OtherFile.Length - 1],
                (dockerfile, compose, other) => (Encoding.UTF8.GetBytes(dockerfile), Encoding.UTF8.GetBytes(compose), Encoding.UTF8.GetBytes(OtherFile[other])));

        [Fact]
        public void GeneratedFiles_StayInBounds()
        {
            GeneratedProject.Sample(
                project => AssertCheckIsSound(project.Dockerfile, project.Compose, project.Other),
                seed: Seed,
                iter: Iterations,
                threads: 1,
                print: project => Show(project.Dockerfile, project.Compose));
        }

        [Fact]
        public void MutatedSamples_StayInBounds()
        {
            byte[][] seeds = SeedFiles();
            Gen<(int File, Mutation[] Mutations)> mutations = Gen.Select(
                Gen.Int[0, seeds.Length - 1],
                Gen.Select(Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], Gen.Byte, (kind, a, b, value) => new Mutation(kind, a, b, value)).Array[1, 6]);

            mutations.Sample(
                sample =>
                {
                    byte[] mutated = sample.Mutations.Aggregate(seeds[sample.File], (bytes, mutation) => mutation.Apply(bytes));
                    AssertCheckIsSound(mutated, mutated, Encoding.UTF8.GetBytes(OtherFile[0]));
                },
                seed: Seed,
                iter: Iterations,
                threads: 1,
                print: sample => $"file {sample.File}, mutations {string.Join(", ", sample.Mutations.Select(m => m.ToString()))}");
        }

        /// <summary>Checks the files as a Dockerfile, a Compose file and a file both can reference.</summary>
        internal static void AssertCheckIsSound(byte[] dockerfile, byte[] compose, byte[] other)
        {
            var fileSystem = new MemoryFileSystem()
                .AddBytes(DockerfilePath, dockerfile)
                .AddBytes(ComposePath, compose)
                .AddBytes(OtherPath, other);
            var request = new CheckRequest(new[]
            {
                new InputFile(DockerfilePath, InputKind.Dockerfile),
                new InputFile(ComposePath, InputKind.Compose),
            })
            {
                FileSystem = fileSystem,
                ProjectDirectory = Folder,
                RepositoryRoot = "/repo",
            };

            var clock = Stopwatch.StartNew();
            CheckResult result = HardeningEngine.Check(request);
            Assert.True(clock.Elapsed < CheckBound, $"The check took {clock.Elapsed}.");

            var texts = new Dictionary<string, byte[]> { [DockerfilePath] = dockerfile, [ComposePath] = compose, [OtherPath] = other };
            foreach (Finding finding in result.Findings)
            {
                SourceLocation location = finding.Location;
                Assert.True(texts.ContainsKey(location.FilePath), $"{finding} is in a file that was not given.");
                string? text = SourceFileReader.Decode(location.FilePath, texts[location.FilePath]).Text;
                List<string> lines = text == null
                    ? new List<string> { string.Empty }
                    : location.FilePath == DockerfilePath ? DockerfileLinesOf(text) : YamlLinesOf(text);
                Assert.True(location.Line >= 1, $"{finding} has line {location.Line}, below 1, in {Escape(text)}");
                Assert.True(location.Line <= lines.Count, $"{finding} has line {location.Line}, past {lines.Count}, in {Escape(text)}");
                int length = lines[location.Line - 1].Length;
                Assert.True(location.Column >= 1, $"{finding} has column {location.Column}, below 1, in {Escape(text)}");
                Assert.True(location.Column <= length + 1, $"{finding} has column {location.Column}, past {length + 1}, in {Escape(text)}");
                Assert.DoesNotContain('\n', finding.Message);
                Assert.DoesNotContain('\r', finding.Message);
            }
        }

        /// <summary>Lines as BuildKit splits them: at line feeds only, without a trailing carriage return or the BOM.</summary>
        private static List<string> DockerfileLinesOf(string text)
        {
            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                text = text.Substring(1);
            }

            return text.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        }

        /// <summary>Lines as YAML splits them, at every line break that <see cref="YamlLoader.IsLineBreak"/> accepts.</summary>
        private static List<string> YamlLinesOf(string text)
        {
            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                text = text.Substring(1);
            }

            var lines = new List<string>();
            var line = new StringBuilder();
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (!YamlLoader.IsLineBreak(c))
                {
                    line.Append(c);
                    continue;
                }

                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                lines.Add(line.ToString());
                line.Clear();
            }

            lines.Add(line.ToString());
            return lines;
        }

        /// <summary>Shows a text with its control characters escaped, so a failing input can be copied into a test.</summary>
        private static string Escape(string? text)
        {
            if (text == null)
            {
                return "(unreadable)";
            }

            var escaped = new StringBuilder("\"");
            foreach (char c in text.Length > 2000 ? text.Substring(0, 2000) : text)
            {
                escaped.Append(c < ' ' || c > '~' || c == '"' || c == '\\' ? $"\\u{(int)c:X4}" : c.ToString());
            }

            return escaped.Append('"').ToString();
        }

        private static byte[][] SeedFiles()
        {
            string root = RepositoryRoot();
            var files = new List<byte[]>
            {
                File.ReadAllBytes(Path.Combine(root, "samples", "HardeningSample", "Dockerfile")),
                File.ReadAllBytes(Path.Combine(root, "samples", "HardeningSample", "docker-compose.yml")),
                Encoding.UTF8.GetBytes(string.Join("\n", DockerfileLines)),
                Encoding.UTF8.GetBytes(string.Join("\n", ComposeLines)),
            };
            files.AddRange(OtherFile.Select(text => Encoding.UTF8.GetBytes(text)));
            return files.ToArray();
        }

        private static string RepositoryRoot()
        {
            for (DirectoryInfo? folder = new DirectoryInfo(AppContext.BaseDirectory); folder != null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Hardening.Build.sln")))
                {
                    return folder.FullName;
                }
            }

            throw new InvalidOperationException($"No Hardening.Build.sln above '{AppContext.BaseDirectory}'.");
        }

        private static string Show(byte[] dockerfile, byte[] compose) =>
            $"Dockerfile:\n{Encoding.UTF8.GetString(dockerfile)}\ncompose.yaml:\n{Encoding.UTF8.GetString(compose)}";

        /// <summary>One edit of a file: delete, duplicate or swap lines, flip a byte, or cut the file.</summary>
        internal readonly struct Mutation
        {
            public Mutation(int kind, int first, int second, byte value)
            {
                Kind = kind;
                First = first;
                Second = second;
                Value = value;
            }

            public int Kind { get; }

            public int First { get; }

            public int Second { get; }

            public byte Value { get; }

            public byte[] Apply(byte[] bytes)
            {
                if (bytes.Length == 0)
                {
                    return bytes;
                }

                switch (Kind)
                {
                    case 0:
                    case 1:
                    case 2:
                        return EditLines(bytes);
                    case 3:
                        byte[] flipped = (byte[])bytes.Clone();
                        flipped[First % bytes.Length] ^= Value;
                        return flipped;
                    default:
                        return bytes.Take(First % (bytes.Length + 1)).ToArray();
                }
            }

            private byte[] EditLines(byte[] bytes)
            {
                var lines = new List<byte[]>();
                int start = 0;
                for (int i = 0; i <= bytes.Length; i++)
                {
                    if (i == bytes.Length || bytes[i] == (byte)'\n')
                    {
                        lines.Add(bytes.Skip(start).Take(i - start).ToArray());
                        start = i + 1;
                    }
                }

                int a = First % lines.Count;
                int b = Second % lines.Count;
                if (Kind == 0)
                {
                    lines.RemoveAt(a);
                }
                else if (Kind == 1)
                {
                    lines.Insert(b, lines[a]);
                }
                else
                {
                    (lines[a], lines[b]) = (lines[b], lines[a]);
                }

                return lines.SelectMany((line, index) => index == 0 ? line : new[] { (byte)'\n' }.Concat(line)).ToArray();
            }

            public override string ToString() => $"{Kind}:{First}:{Second}:{Value}";
        }
    }
}
