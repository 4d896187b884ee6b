using System;
using System.Collections.Generic;
using Hardening.Build.Compose;

namespace Hardening.Build.Rules.Resources
{
    /// <summary>
    /// Limits that contradict each other: a service-level key and its <c>deploy.resources.limits</c>
    /// counterpart with different values (memory, cpus, pids), or a reservation above its limit.
    /// </summary>
    public sealed class HARD5004ConflictingLimits : ComposeServiceRule
    {
        public override RuleDescriptor Descriptor { get; } =
            new RuleDescriptor("HARD5004", "Resource limits conflict", Severity.Warning);

        protected override IEnumerable<Finding> CheckService(ComposeService service)
        {
            var findings = new List<Finding>();
            CheckPair(service, "mem_limit", "memory", ResourceLimit.ParseBytes, findings);
            CheckPair(service, "cpus", "cpus", ResourceLimit.ParseCpus, findings);
            CheckPair(service, "pids_limit", "pids", HARD5003NoPidsLimit.ParsePids, findings);
            CheckReservation(service, "memory", "mem_limit", "mem_reservation", ResourceLimit.ParseBytes, findings);
            CheckReservation(service, "cpus", "cpus", null, ResourceLimit.ParseCpus, findings);
            return findings;
        }

        // compose-go rejects the file when both are set and differ, with "can't set distinct values".
        private void CheckPair(ComposeService service, string serviceKey, string deployKey, ResourceLimit.Parser parse, List<Finding> findings)
        {
            ComposeValue? legacy = service.Value(serviceKey);
            ComposeValue? deploy = service.ValueAt("deploy", "resources", "limits", deployKey);
            if (!TryRead(legacy, parse, out double legacyAmount) || !TryRead(deploy, parse, out double deployAmount) || Same(legacyAmount, deployAmount))
            {
                return;
            }

            ComposeValue later = IsAfter(legacy!.Location, deploy!.Location) ? legacy : deploy;
            findings.Add(Report(
                later.Location,
                $"Service '{service.Name}' sets {serviceKey} to '{legacy.Text}' and deploy.resources.limits.{deployKey} to '{deploy.Text}', so Docker Compose rejects the file because the two differ. Keep only deploy.resources.limits.{deployKey} with the value the service needs, and remove {serviceKey}."));
        }

        private void CheckReservation(ComposeService service, string deployKey, string serviceLimitKey, string? serviceReservationKey, ResourceLimit.Parser parse, List<Finding> findings)
        {
            ComposeValue? limit = service.ValueAt("deploy", "resources", "limits", deployKey);
            string limitName = $"deploy.resources.limits.{deployKey}";
            if (!TryRead(limit, parse, out double limitAmount) || limitAmount <= 0)
            {
                limit = service.Value(serviceLimitKey);
                limitName = serviceLimitKey;
                if (!TryRead(limit, parse, out limitAmount) || limitAmount <= 0)
                {
                    return;
                }
            }

            ComposeValue? reservation = service.ValueAt("deploy", "resources", "reservations", deployKey);
            string reservationName = $"deploy.resources.reservations.{deployKey}";
            if (reservation == null && serviceReservationKey != null)
            {
                reservation = service.Value(serviceReservationKey);
                reservationName = serviceReservationKey;
            }

            if (!TryRead(reservation, parse, out double reserved) || reserved <= limitAmount || Same(reserved, limitAmount))
            {
                return;
            }

            string consequence = deployKey == "memory"
                ? "so the engine refuses to create the container"
                : "so the reservation can never be met";
            findings.Add(Report(
                reservation!.Location,
                $"Service '{service.Name}' reserves '{reservation.Text}' in {reservationName}, more than its limit '{limit!.Text}' in {limitName}, {consequence}. Lower the reservation to at most the limit, or raise the limit."));
        }

        private static bool TryRead(ComposeValue? value, ResourceLimit.Parser parse, out double amount)
        {
            amount = 0;
            return value != null && value.IsKnown && parse(value.Text, out amount);
        }

        // cpus is a 32-bit float in Compose, so values that differ only past its precision are equal.
        private static bool Same(double left, double right) => Math.Abs(left - right) <= 1e-6 * Math.Max(1, Math.Abs(right));

        private static bool IsAfter(SourceLocation left, SourceLocation right) =>
            string.Equals(left.FilePath, right.FilePath, StringComparison.Ordinal)
                ? left.Line > right.Line || (left.Line == right.Line && left.Column > right.Column)
                : false;
    }
}
