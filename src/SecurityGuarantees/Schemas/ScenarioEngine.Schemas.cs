using SecurityGuarantees.Schemas;

namespace SecurityGuarantees;

public sealed partial class ScenarioEngine
{
    /// <summary>
    /// The JSON Schema (draft 2020-12) of rule files for this engine's fact types, custom ones included: editors use it
    /// to complete and check elements, actions, type names and inserted fields.
    /// </summary>
    /// <returns>The schema as indented JSON with a final newline.</returns>
    public string GetRuleFileSchema() => JsonSchemaGenerator.RuleFileSchema(Rules.Types);

    /// <summary>
    /// The JSON Schema (draft 2020-12) of scenario files for this engine's fact types, custom ones included: fields with
    /// their types, enum values, dates, required keys, and the <c>timeline:</c> and <c>expect:</c> sections.
    /// </summary>
    /// <returns>The schema as indented JSON with a final newline.</returns>
    public string GetScenarioFileSchema() => JsonSchemaGenerator.ScenarioFileSchema(Rules.Types);
}
