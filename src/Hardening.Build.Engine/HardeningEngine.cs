using System;
using System.Collections.Generic;
using Hardening.Build.Compose;
using Hardening.Build.Dockerfiles;
using Hardening.Build.Files;
using Hardening.Build.Rules;

namespace Hardening.Build
{
    /// <summary>
    /// Reads each file once, parses it into the model, runs every rule of the catalogue and returns
    /// the findings in file order.
    /// </summary>
    public static class HardeningEngine
    {
        public static CheckResult Check(CheckRequest request)
        {
            var findings = new List<Finding>();
            var dockerfiles = new List<DockerfileDocument>();
            var composeFiles = new List<ComposeFile>();
            var seen = new HashSet<string>(StringComparer.Ordinal);

            foreach (InputFile input in request.Files)
            {
                if (!seen.Add(input.Path))
                {
                    continue;
                }

                SourceFile source = SourceFileReader.Read(input.Path, request.MaxFileBytes);
                if (source.Error != null)
                {
                    findings.Add(source.Error);
                    continue;
                }

                if (input.Kind == InputKind.Dockerfile)
                {
                    DockerfileDocument document = DockerfileDocument.Parse(input.Path, source.Text!);
                    findings.AddRange(document.Diagnostics);
                    dockerfiles.Add(document);
                }
                else
                {
                    ComposeFile file = ComposeFile.Load(input.Path, source.Text!);
                    findings.AddRange(file.Diagnostics);
                    composeFiles.Add(file);
                }
            }

            var project = new ProjectModel(dockerfiles, composeFiles);
            foreach (Rule rule in RuleCatalog.All)
            {
                findings.AddRange(rule.Check(project));
            }

            findings.Sort(CompareByLocation);
            int serviceCount = 0;
            foreach (ComposeFile file in composeFiles)
            {
                serviceCount += file.Services.Count;
            }

            return new CheckResult(findings, dockerfiles.Count, composeFiles.Count, serviceCount);
        }

        private static int CompareByLocation(Finding left, Finding right)
        {
            int byFile = string.CompareOrdinal(left.Location.FilePath, right.Location.FilePath);
            if (byFile != 0)
            {
                return byFile;
            }

            int byLine = left.Location.Line.CompareTo(right.Location.Line);
            if (byLine != 0)
            {
                return byLine;
            }

            int byColumn = left.Location.Column.CompareTo(right.Location.Column);
            return byColumn != 0 ? byColumn : string.CompareOrdinal(left.Code, right.Code);
        }
    }
}
