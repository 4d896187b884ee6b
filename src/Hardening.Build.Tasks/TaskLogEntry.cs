using System.Collections.Generic;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Hardening.Build.Tasks
{
    /// <summary>The kind of one logged line: a warning, an error, a message or the summary.</summary>
    internal enum TaskLogKind
    {
        Message,
        Warning,
        Error,

        /// <summary>The normal-importance line that counts the findings of a check.</summary>
        Summary,
    }

    /// <summary>
    /// One line the task logged, with its text already formatted, so that a later build can log it again
    /// from the result cache exactly as the check logged it.
    /// </summary>
    internal sealed class TaskLogEntry
    {
        public TaskLogEntry(TaskLogKind kind, MessageImportance importance, string? code, string? helpLink, string? file, int line, int column, string text)
        {
            Kind = kind;
            Importance = importance;
            Code = code;
            HelpLink = helpLink;
            File = file;
            Line = line;
            Column = column;
            Text = text;
        }

        public TaskLogKind Kind { get; }

        /// <summary>The importance of a message; warnings and errors ignore it.</summary>
        public MessageImportance Importance { get; }

        public string? Code { get; }

        public string? HelpLink { get; }

        public string? File { get; }

        public int Line { get; }

        public int Column { get; }

        public string Text { get; }

        /// <summary>
        /// Logs the entry. The text goes to MSBuild without format arguments, so braces in it, such as a
        /// Compose variable <c>${TAG}</c>, are kept as written.
        /// </summary>
        /// <param name="replayed">Whether the entry comes from the result cache; the summary line then states that.</param>
        public void WriteTo(TaskLoggingHelper log, bool replayed = false)
        {
            switch (Kind)
            {
                case TaskLogKind.Summary:
                    log.LogMessage(Importance, replayed ? Text + " No file changed since that check, so its results were reused." : Text);
                    break;

                case TaskLogKind.Error:
                    log.LogError(null, Code, null, HelpLink, File, Line, Column, 0, 0, Text);
                    break;

                case TaskLogKind.Warning:
                    log.LogWarning(null, Code, null, HelpLink, File, Line, Column, 0, 0, Text);
                    break;

                default:
                    if (Code == null && File == null)
                    {
                        log.LogMessage(Importance, Text);
                    }
                    else
                    {
                        log.LogMessage(null, Code, null, File, Line, Column, 0, 0, Importance, Text);
                    }

                    break;
            }
        }
    }

    /// <summary>Logs each entry as it comes and keeps it, in order, for the result cache.</summary>
    internal sealed class RecordingLog
    {
        private readonly TaskLoggingHelper _log;

        public RecordingLog(TaskLoggingHelper log)
        {
            _log = log;
        }

        public List<TaskLogEntry> Entries { get; } = new List<TaskLogEntry>();

        public void Message(MessageImportance importance, string text) =>
            Add(new TaskLogEntry(TaskLogKind.Message, importance, null, null, null, 0, 0, text));

        public void Add(TaskLogEntry entry)
        {
            entry.WriteTo(_log);
            Entries.Add(entry);
        }
    }
}
