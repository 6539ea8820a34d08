using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Compilation;

/// <summary>Builds a fact of a registered type from an <c>insert:</c> action.</summary>
internal sealed class InsertFactory(FactTypeDescriptor type, IReadOnlyList<(FactFieldDescriptor Field, TextTemplate? Value, IReadOnlyList<TextTemplate>? Items)> fields)
    : ConclusionFactory(type)
{
    public override object Create(MatchValues values)
    {
        var converted = new Dictionary<FactFieldDescriptor, object?>();
        foreach (var (field, value, items) in fields)
        {
            object? raw = items is not null
                ? items.SelectMany(i => i.RenderItems(values)).ToList()
                : value?.SingleHole is { } hole ? hole.Evaluate(values) : value?.Render(values);
            if (!FieldValueConverter.TryConvert(raw, field, out var fieldValue, out var error))
            {
                throw new InvalidOperationException($"cannot insert {Type.Name}: {error}");
            }

            if (fieldValue is not null)
            {
                converted[field] = fieldValue;
            }
        }

        return Type.Create(converted);
    }
}
