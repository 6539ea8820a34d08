using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SecurityGuarantees.Results;

namespace SecurityGuarantees.Server.Hosting;

/// <summary>
/// The optional decision log (<c>--decision-log file.jsonl</c>): one JSON line per evaluation with the input's hash,
/// the rule-set hash, the conclusions (ids, subjects, actors) and the duration. Never the request body itself. Off
/// unless a path is given; appended to, one writer at a time.
/// </summary>
internal sealed class DecisionLog(string? path, TimeProvider time) : IDisposable
{
    private readonly Lock _gate = new();
    private StreamWriter? _writer;

    public bool Enabled => path is not null;

    public void Record(string endpoint, string input, string ruleSet, EvaluationResult result, TimeSpan duration)
    {
        if (path is null)
        {
            return;
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("time", time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("endpoint", endpoint);
            json.WriteString("scenario", result.Scenario);
            json.WriteString("inputHash", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(input))));
            json.WriteString("ruleSet", ruleSet);
            json.WriteStartArray("conditions");
            foreach (var condition in result.Conditions)
            {
                json.WriteStartObject();
                json.WriteString("id", condition.Id);
                json.WriteString("subject", condition.Subject);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("nextSteps");
            foreach (var step in result.NextSteps)
            {
                json.WriteStartObject();
                json.WriteString("id", step.Id);
                json.WriteString("actor", step.Actor);
                json.WriteString("subject", step.Subject);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteNumber("durationMs", Math.Round(duration.TotalMilliseconds, 3));
            json.WriteEndObject();
        }

        var line = Encoding.UTF8.GetString(buffer.ToArray());
        lock (_gate)
        {
            _writer ??= new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false)) { NewLine = "\n" };
            _writer.Write(line + "\n");
            _writer.Flush();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _writer?.Dispose();
        }
    }
}
