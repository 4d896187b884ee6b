using System;
using System.Collections.Generic;
using Hardening.Build.Compose;
using Hardening.Build.Configuration;
using Hardening.Build.Files;
using Hardening.Build.Rules;

namespace Hardening.Build
{
    /// <summary>
    /// Reads each file once, builds the model, runs every rule of the catalogue, applies the user's
    /// severities, suppressions and baseline, and returns the findings in file order, each fact once.
    /// </summary>
    public static class HardeningEngine
    {
        public static CheckResult Check(CheckRequest request)
        {
            // The configuration step reads the checked files again for suppression comments. Sharing one
            // caching file system with the model builder keeps that to one disk read per file.
            request.FileSystem ??= new DiskFileSystem(
                request.MaxFileBytes,
                string.IsNullOrEmpty(request.RepositoryRoot) ? null : new RepositoryBoundary(request.RepositoryRoot!));

            var builder = new ModelBuilder(request);
            ProjectModel project = builder.Build();

            var findings = new List<Finding>(builder.Diagnostics);
            foreach (Rule rule in RuleCatalog.All)
            {
                findings.AddRange(rule.Check(project));
            }

            // Projects that share a file, such as a base file in two declared projects, find the same facts.
            findings = Distinct(findings);
            findings.Sort(Finding.CompareByLocation);

            int serviceCount = 0;
            int composeFileCount = 0;
            var composeFiles = new HashSet<string>(StringComparer.Ordinal);
            foreach (ComposeProject composeProject in project.ComposeProjects)
            {
                serviceCount += composeProject.Services.Count;
                foreach (string file in composeProject.ReadFiles)
                {
                    if (composeFiles.Add(file))
                    {
                        composeFileCount++;
                    }
                }
            }

            ConfiguredFindings configured = new FindingConfigurator(request, request.FileSystem).Apply(project, findings);
            configured.Reported.Sort(Finding.CompareByLocation);
            configured.Suppressed.Sort(Finding.CompareByLocation);

            return new CheckResult(configured.Reported, project.Dockerfiles.Count, composeFileCount, serviceCount)
            {
                SuppressedFindings = configured.Suppressed,
                CurrentBaseline = configured.CurrentBaseline,
                EditorConfigFiles = configured.EditorConfigFiles,
                Details = configured.Details,
                Notes = builder.Notes,
            };
        }

        private static List<Finding> Distinct(List<Finding> findings)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var distinct = new List<Finding>(findings.Count);
            foreach (Finding finding in findings)
            {
                if (seen.Add($"{finding.Code}|{finding.Location}|{finding.Message}"))
                {
                    distinct.Add(finding);
                }
            }

            return distinct;
        }
    }
}
