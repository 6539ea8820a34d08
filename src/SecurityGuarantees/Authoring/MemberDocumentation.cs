using System.Reflection;
using System.Xml.Linq;

namespace SecurityGuarantees.Authoring;

/// <summary>
/// The XML documentation summaries of fact type properties, from <c>SecurityGuarantees.xml</c> beside the program when
/// it is there (framework-dependent builds); without it, hovers show types only.
/// </summary>
internal static class MemberDocumentation
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Summaries = new(Load);

    public static string? Summary(PropertyInfo property) =>
        Summaries.Value.GetValueOrDefault($"P:{property.DeclaringType?.FullName}.{property.Name}");

    private static Dictionary<string, string> Load()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = Path.Combine(AppContext.BaseDirectory, "SecurityGuarantees.xml");
        try
        {
            if (File.Exists(path))
            {
                foreach (var member in XDocument.Load(path).Descendants("member"))
                {
                    if (member.Attribute("name")?.Value is { } name && member.Element("summary") is { } summary)
                    {
                        result[name] = string.Join(' ', summary.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Xml.XmlException)
        {
            // Descriptions are a nicety; a missing or unreadable file only leaves them out.
        }

        return result;
    }
}
