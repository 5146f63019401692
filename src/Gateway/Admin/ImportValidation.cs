using Bandit.Contracts.Gateway.V1;
using Bandit.Gateway.Services;
using Bandit.Grains;

namespace Bandit.Gateway.Admin;

/// <summary>Guards for imported arms; every failure names the field, e.g. <c>arms[3].counts.clicks</c>.</summary>
internal static class ImportValidation
{
    public static void Validate(ImportedArm imported, string field)
    {
        RequestValidation.PostId(imported.PostId, field + ".post_id");
        switch (imported.ValueCase)
        {
            case ImportedArm.ValueOneofCase.Prior:
                Prior(new ArmPrior(imported.Prior.Alpha, imported.Prior.Beta), field + ".prior");
                break;
            case ImportedArm.ValueOneofCase.Counts:
                var counts = imported.Counts;
                RequestValidation.Range(
                    counts.Impressions, 0, (long)ArmPrior.MaxShape - 1, field + ".counts.impressions");
                RequestValidation.Range(counts.Clicks, 0, counts.Impressions, field + ".counts.clicks");
                break;
            case ImportedArm.ValueOneofCase.Arm:
                Arm(imported.Arm, imported.PostId, field + ".arm");
                break;
            default:
                throw RequestValidation.Invalid(field, "needs a value: set prior, counts or arm");
        }
    }

    /// <summary>Counts seen elsewhere as a prior: Beta(1 + clicks, 1 + impressions - clicks).</summary>
    public static ArmPrior PriorOf(ObservedCounts counts) =>
        new(1.0 + counts.Clicks, 1.0 + (counts.Impressions - counts.Clicks));

    private static void Arm(ArmRecord arm, string postId, string field)
    {
        if (arm.PostId.Length > 0 && arm.PostId != postId)
        {
            throw RequestValidation.Invalid(field + ".post_id", $"must be empty or '{postId}', got '{arm.PostId}'");
        }

        Prior(new ArmPrior(arm.PriorAlpha, arm.PriorBeta), field + ".prior_alpha/prior_beta");
        RequestValidation.Range(arm.Impressions, 0, long.MaxValue, field + ".impressions");
        RequestValidation.Range(arm.Clicks, 0, long.MaxValue, field + ".clicks");
        RequestValidation.Range(arm.LastEventTimeUnixMs, 0, long.MaxValue, field + ".last_event_time_unix_ms");
        NonNegative(arm.EvidenceImpressions, field + ".evidence_impressions");
        NonNegative(arm.EvidenceClicks, field + ".evidence_clicks");
        if (!Enum.IsDefined(arm.PriorSource))
        {
            throw RequestValidation.Invalid(field + ".prior_source", $"has unknown value {(int)arm.PriorSource}");
        }
    }

    private static void Prior(ArmPrior prior, string field)
    {
        if (!prior.IsValid)
        {
            throw RequestValidation.Invalid(
                field,
                $"must have alpha and beta between {ArmPrior.MinShape} and {ArmPrior.MaxShape}, got alpha "
                + $"{prior.Alpha} and beta {prior.Beta}");
        }
    }

    private static void NonNegative(double value, string field)
    {
        if (!(value >= 0 && double.IsFinite(value)))
        {
            throw RequestValidation.Invalid(field, $"must be a finite number >= 0, got {value}");
        }
    }
}
