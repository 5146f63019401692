using Bandit.Silo;

// Content root beside the binaries, so appsettings.json is found whatever the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory,
});
builder.AddBanditSilo();

var app = builder.Build();
app.MapBanditSilo();
app.Run();
