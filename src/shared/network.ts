/**
 * The choices that shape the network beyond its layer widths, as plain data
 * (the settings table describes them; model/ and the engines read them).
 */

/** The nonlinearity after every hidden layer. */
export type Activation = 'relu' | 'leaky-relu' | 'tanh' | 'sigmoid';

export const ACTIVATIONS: readonly Activation[] = ['relu', 'leaky-relu', 'tanh', 'sigmoid'];

/** PyTorch's nn.LeakyReLU default slope for negative inputs. */
export const LEAKY_RELU_SLOPE = 0.01;

/**
 * How a pixel becomes an input: 'unit' is pixel/255 (the notebook);
 * 'standardised' then subtracts MNIST's training mean and divides by its
 * standard deviation, as torchvision's MNIST examples do.
 */
export type InputScaling = 'unit' | 'standardised';

export const INPUT_SCALINGS: readonly InputScaling[] = ['unit', 'standardised'];

/** Mean and standard deviation of MNIST's 60,000 training pixels, in [0, 1] units. */
export const MNIST_PIXEL_MEAN = 0.1307;
export const MNIST_PIXEL_STD = 0.3081;
