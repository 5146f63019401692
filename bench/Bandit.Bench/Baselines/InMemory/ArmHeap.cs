namespace Bandit.Bench.Baselines.InMemory;

/// <summary>
/// A binary max-heap of arms by score in which every arm knows its position, so a changed score moves it in
/// O(log n). The top k come out of a best-first walk from the root in O(k log k), without touching the heap.
/// </summary>
internal sealed class ArmHeap
{
    private readonly List<ArmCounts> _items = [];

    public int Count => _items.Count;

    /// <summary>Adds the arm, or moves it after its score changed.</summary>
    public void Update(ArmCounts arm)
    {
        if (arm.HeapIndex < 0)
        {
            arm.HeapIndex = _items.Count;
            _items.Add(arm);
        }

        if (!SiftUp(arm.HeapIndex))
        {
            SiftDown(arm.HeapIndex);
        }
    }

    public List<ArmCounts> Top(int k)
    {
        var top = new List<ArmCounts>(Math.Min(k, _items.Count));
        if (_items.Count == 0)
        {
            return top;
        }

        // The frontier holds heap positions whose parents were taken; the best of it is the next best overall.
        var frontier = new PriorityQueue<int, ArmCounts>(Ranking.Instance);
        frontier.Enqueue(0, _items[0]);
        while (top.Count < k && frontier.TryDequeue(out var index, out var arm))
        {
            top.Add(arm);
            foreach (var child in (int[])[2 * index + 1, 2 * index + 2])
            {
                if (child < _items.Count)
                {
                    frontier.Enqueue(child, _items[child]);
                }
            }
        }

        return top;
    }

    private bool SiftUp(int index)
    {
        var moved = false;
        while (index > 0)
        {
            var parent = (index - 1) / 2;
            if (!_items[index].RanksAbove(_items[parent]))
            {
                break;
            }

            Swap(index, parent);
            index = parent;
            moved = true;
        }

        return moved;
    }

    private void SiftDown(int index)
    {
        while (true)
        {
            var best = index;
            var left = 2 * index + 1;
            var right = left + 1;
            if (left < _items.Count && _items[left].RanksAbove(_items[best]))
            {
                best = left;
            }

            if (right < _items.Count && _items[right].RanksAbove(_items[best]))
            {
                best = right;
            }

            if (best == index)
            {
                return;
            }

            Swap(index, best);
            index = best;
        }
    }

    private void Swap(int a, int b)
    {
        (_items[a], _items[b]) = (_items[b], _items[a]);
        _items[a].HeapIndex = a;
        _items[b].HeapIndex = b;
    }

    // PriorityQueue dequeues the smallest: the arm that ranks above compares as smaller.
    private sealed class Ranking : IComparer<ArmCounts>
    {
        public static readonly Ranking Instance = new();

        public int Compare(ArmCounts? x, ArmCounts? y) =>
            ReferenceEquals(x, y) ? 0 : x!.RanksAbove(y!) ? -1 : 1;
    }
}
