namespace Bandit.Grains.Directory;

/// <inheritdoc cref="IPostDirectoryGrain"/>
[GrainType("post-directory")]
internal sealed class PostDirectoryGrain(
    [PersistentState("directory", BanditStorage.Name)] IPersistentState<PostDirectoryState> state)
    : Grain, IPostDirectoryGrain
{
    /// <inheritdoc/>
    public async Task AddAsync(string postId)
    {
        ArgumentException.ThrowIfNullOrEmpty(postId);

        if (state.State.PostIds.Add(postId))
        {
            await state.WriteStateAsync();
        }
    }

    /// <inheritdoc/>
    public Task<string[]> GetPostIdsAsync() => Task.FromResult(state.State.PostIds.ToArray());
}
