using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Hardening.Build.Benchmarks
{
    /// <summary>
    /// Input size, throughput and allocation per input byte, computed from the benchmark's
    /// <see cref="ISizedInput"/> parameter. MB is 10^6 bytes.
    /// </summary>
    public sealed class ThroughputColumn : IColumn
    {
        private readonly Kind _kind;

        private ThroughputColumn(Kind kind)
        {
            _kind = kind;
        }

        private enum Kind
        {
            InputBytes,
            MegabytesPerSecond,
            AllocatedPerInputByte,
        }

        public static IColumn[] All { get; } =
        {
            new ThroughputColumn(Kind.InputBytes),
            new ThroughputColumn(Kind.MegabytesPerSecond),
            new ThroughputColumn(Kind.AllocatedPerInputByte),
        };

        public string Id => nameof(ThroughputColumn) + "." + _kind;

        public string ColumnName => _kind switch
        {
            Kind.InputBytes => "Input bytes",
            Kind.MegabytesPerSecond => "MB/s",
            _ => "Alloc/byte",
        };

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => (int)_kind;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => _kind switch
        {
            Kind.InputBytes => "Bytes of all files one operation reads",
            Kind.MegabytesPerSecond => "Input megabytes (10^6 bytes) checked per second, from the mean time",
            _ => "Bytes allocated per operation divided by input bytes",
        };

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            ISizedInput? input = benchmarkCase.Parameters.Items.Select(item => item.Value).OfType<ISizedInput>().FirstOrDefault();
            BenchmarkReport? report = summary[benchmarkCase];
            if (input == null || report == null)
            {
                return "-";
            }

            if (_kind == Kind.InputBytes)
            {
                return input.InputBytes.ToString("N0", CultureInfo.InvariantCulture);
            }

            if (_kind == Kind.MegabytesPerSecond)
            {
                double? meanNanoseconds = report.ResultStatistics?.Mean;
                return meanNanoseconds is double mean && mean > 0
                    ? (input.InputBytes * 1000.0 / mean).ToString("F1", CultureInfo.InvariantCulture)
                    : "-";
            }

            long allocated = report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase) ?? 0;
            return (allocated / (double)input.InputBytes).ToString("F2", CultureInfo.InvariantCulture);
        }
    }
}
