using System.Runtime.InteropServices;
using System.Text;

namespace Scalability.Grains.Processing.Training.Linear;

/// <summary>
/// The binary layout of a <see cref="LinearTextModel"/>: a tag and layout number, the sizes and the tokenizer's
/// settings (so that a reader with other settings refuses the file rather than scoring different terms), then the
/// term hashes, idf values, weights and biases as little-endian arrays, and the calibration. The numbers are the
/// in-memory ones, so a loaded model scores exactly as the trained one did.
/// </summary>
public static class LinearModelFile
{
    private const string Tag = "SCLM";
    private const int Layout = 1;

    public static void Write(LinearTextModel model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Encoding.ASCII.GetBytes(Tag));
        writer.Write(Layout);
        writer.Write(model.Vocabulary.Count);
        writer.Write(model.Categories.Count);
        writer.Write(WordNgrams.MinimumWordLength);
        writer.Write(MemoryMarshal.AsBytes(model.Vocabulary.Terms.AsSpan()));
        writer.Write(MemoryMarshal.AsBytes(model.Vocabulary.Idf.AsSpan()));
        writer.Write(MemoryMarshal.AsBytes(model.Weights.AsSpan()));
        writer.Write(MemoryMarshal.AsBytes(model.Biases.AsSpan()));
        writer.Write(model.Calibration.A);
        writer.Write(model.Calibration.B);
    }

    /// <param name="categories">The categories, from the file's description, in model order.</param>
    /// <exception cref="InvalidDataException">The stream is not such a model, or not one of these categories.</exception>
    public static LinearTextModel Read(Stream stream, IReadOnlyList<string> categories)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(categories);
        if (!BitConverter.IsLittleEndian)
        {
            throw new InvalidDataException("model files are little-endian, and this machine is not");
        }

        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (Encoding.ASCII.GetString(reader.ReadBytes(Tag.Length)) != Tag)
        {
            throw new InvalidDataException("it does not start with the linear model's tag");
        }

        var layout = reader.ReadInt32();
        if (layout != Layout)
        {
            throw new InvalidDataException($"its layout is {layout}, and this scale reads layout {Layout}");
        }

        var features = reader.ReadInt32();
        var count = reader.ReadInt32();
        var minimumWordLength = reader.ReadInt32();
        if (features < 0 || count != categories.Count)
        {
            throw new InvalidDataException($"it holds {count} categories over {features} features, and its description lists {categories.Count} categories");
        }

        if (minimumWordLength != WordNgrams.MinimumWordLength)
        {
            throw new InvalidDataException($"it was trained on words of {minimumWordLength} or more characters, and this scale reads words of {WordNgrams.MinimumWordLength}");
        }

        var terms = ReadArray<ulong>(stream, features);
        var idf = ReadArray<float>(stream, features);
        var weights = ReadArray<float>(stream, checked(features * count));
        var biases = ReadArray<float>(stream, count);
        var calibration = new PlattScaling(reader.ReadDouble(), reader.ReadDouble());
        return new LinearTextModel(new TfidfVocabulary(terms, idf), categories, weights, biases, calibration);
    }

    private static T[] ReadArray<T>(Stream stream, int length) where T : struct
    {
        var array = new T[length];
        stream.ReadExactly(MemoryMarshal.AsBytes(array.AsSpan()));
        return array;
    }
}
