using System;
using System.Collections;
using System.Collections.Generic;
using Microsoft.Build.Framework;

namespace Hardening.Build.Tests.Task
{
    /// <summary>
    /// A build engine that keeps every logged event in typed lists. It implements IBuildEngine8, whose
    /// ShouldTreatWarningAsError the task's logging helper calls to escalate warnings, as MSBuild does
    /// for WarningsAsErrors.
    /// </summary>
    internal sealed class RecordingBuildEngine : IBuildEngine8
    {
        public List<BuildErrorEventArgs> Errors { get; } = new List<BuildErrorEventArgs>();

        public List<BuildWarningEventArgs> Warnings { get; } = new List<BuildWarningEventArgs>();

        public List<BuildMessageEventArgs> Messages { get; } = new List<BuildMessageEventArgs>();

        /// <summary>Codes that the engine escalates to errors, like MSBuild's WarningsAsErrors.</summary>
        public HashSet<string> WarningsAsErrors { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        public bool ContinueOnError => false;

        public int LineNumberOfTaskNode => 0;

        public int ColumnNumberOfTaskNode => 0;

        public string ProjectFileOfTaskNode => "/project/App.csproj";

        public bool IsRunningMultipleNodes => false;

        public bool AllowFailureWithoutError { get; set; }

        public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);

        public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e);

        public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e);

        public void LogCustomEvent(CustomBuildEventArgs e)
        {
        }

        public void LogTelemetry(string eventName, IDictionary<string, string> properties)
        {
        }

        public bool ShouldTreatWarningAsError(string warningCode) => WarningsAsErrors.Contains(warningCode);

        public IReadOnlyDictionary<string, string> GetGlobalProperties() => new Dictionary<string, string>();

        public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) =>
            throw new NotSupportedException();

        public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs, string toolsVersion) =>
            throw new NotSupportedException();

        public bool BuildProjectFilesInParallel(
            string[] projectFileNames,
            string[] targetNames,
            IDictionary[] globalProperties,
            IDictionary[] targetOutputsPerProject,
            string[] toolsVersion,
            bool useResultsCache,
            bool unloadProjectsOnCompletion) =>
            throw new NotSupportedException();

        public BuildEngineResult BuildProjectFilesInParallel(
            string[] projectFileNames,
            string[] targetNames,
            IDictionary[] globalProperties,
            IList<string>[] removeGlobalProperties,
            string[] toolsVersion,
            bool returnTargetOutputs) =>
            throw new NotSupportedException();

        public void Yield()
        {
        }

        public void Reacquire()
        {
        }

        public void RegisterTaskObject(object key, object obj, RegisteredTaskObjectLifetime lifetime, bool allowEarlyCollection) =>
            throw new NotSupportedException();

        public object GetRegisteredTaskObject(object key, RegisteredTaskObjectLifetime lifetime) => throw new NotSupportedException();

        public object UnregisterTaskObject(object key, RegisteredTaskObjectLifetime lifetime) => throw new NotSupportedException();
    }
}
