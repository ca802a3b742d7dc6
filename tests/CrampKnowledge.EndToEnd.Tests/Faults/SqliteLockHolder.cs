using System.Diagnostics;

namespace CrampKnowledge.EndToEnd.Tests.Faults;

/// <summary>Another process holding an exclusive SQLite lock on a file (python3's sqlite3, as any tool might), until disposed.</summary>
public sealed class SqliteLockHolder : IDisposable
{
    private readonly Process _process;

    private SqliteLockHolder(Process process) => _process = process;

    public static SqliteLockHolder Lock(string database)
    {
        const string script = "import sqlite3, sys, time\n"
            + "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            + "c.execute('BEGIN EXCLUSIVE')\n"
            + "print('locked', flush=True)\n"
            + "time.sleep(120)\n";
        var start = new ProcessStartInfo("python3") { ArgumentList = { "-c", script, database }, RedirectStandardOutput = true };
        var holder = new SqliteLockHolder(Process.Start(start)!);
        var first = holder._process.StandardOutput.ReadLine();
        if (first != "locked")
        {
            holder.Dispose();
            throw new InvalidOperationException($"python3 could not lock {database}: {first}");
        }

        return holder;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
