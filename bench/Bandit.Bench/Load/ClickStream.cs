using Bandit.Contracts.Events.V1;

namespace Bandit.Bench.Load;

/// <summary>
/// A seeded, endless stream of click-stream events: each step shows a Zipf-drawn post (an impression) and, with
/// that post's true click rate, follows it with a click. Event ids are a short prefix and a sequence number,
/// and event times move in whole milliseconds, so that a compressed batch stays small in the broker.
/// </summary>
internal sealed class ClickStream(ArmPopulation arms, ZipfSampler popularity, int seed, string idPrefix)
{
    private readonly Random _random = new(seed);
    private int _pendingClick = -1;

    /// <summary>Events handed out so far.</summary>
    public long Sequence { get; private set; }

    /// <summary>Clicks handed out so far.</summary>
    public long Clicks { get; private set; }

    public ClickStreamEvent Next(long eventTimeUnixMs)
    {
        int arm;
        ClickStreamEventType type;
        if (_pendingClick >= 0)
        {
            arm = _pendingClick;
            type = ClickStreamEventType.Click;
            _pendingClick = -1;
            Clicks++;
        }
        else
        {
            arm = popularity.Next(_random);
            type = ClickStreamEventType.Impression;
            if (_random.NextDouble() < arms.ClickRateAt(arm))
            {
                _pendingClick = arm;
            }
        }

        return new ClickStreamEvent
        {
            EventId = string.Concat(idPrefix, Sequence++.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            PostId = arms.PostIdAt(arm),
            Type = type,
            EventTimeUnixMs = eventTimeUnixMs,
        };
    }
}
