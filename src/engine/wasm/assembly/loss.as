// The output layer: log-softmax, the batch's mean negative log-likelihood
// and its gradient with respect to the logits, in the tfjs engine's float32
// operations (its automatic gradient of −mean(Σ onehot · logSoftmax(z))).

/**
 * Over n rows of logits z (row stride ld, `classes` real columns): returns
 * the mean NLL of the int32 labels (0 where labels = 0: a prediction has
 * none). Where dz ≠ 0 (and labels ≠ 0), writes the gradient of that mean
 * with respect to z (row stride ld; padding lanes are left alone). Where
 * logp ≠ 0, writes the log-probabilities there, n × classes, unpadded.
 */
export function logSoftmaxNll(z: usize, ld: i32, n: i32, classes: i32, labels: usize, dz: usize, logp: usize): f32 {
  const row = (<usize>ld) << 2;
  // The gradient of the mean reaches each row's log-probabilities as −1/n on the label.
  const negInvN: f32 = <f32>-1 / <f32>n;
  let sum: f32 = 0;
  for (let i = 0; i < n; i++) {
    let m = load<f32>(z);
    for (let j = 1; j < classes; j++) m = max(m, load<f32>(z + ((<usize>j) << 2)));
    let s: f32 = 0;
    for (let j = 0; j < classes; j++) s += Mathf.exp(load<f32>(z + ((<usize>j) << 2)) - m);
    const logS = Mathf.log(s);
    const y = labels ? load<i32>(labels + ((<usize>i) << 2)) : -1;
    if (labels) sum += (load<f32>(z + ((<usize>y) << 2)) - m) - logS;
    for (let j = 0; j < classes; j++) {
      const o = (<usize>j) << 2;
      const lp = (load<f32>(z + o) - m) - logS;
      if (logp) store<f32>(logp + o, lp);
      // log-softmax's gradient: dy − exp(logp)·Σdy, where dy is −1/n on the label and 0 elsewhere.
      if (dz) store<f32>(dz + o, (j == y ? negInvN : <f32>0) - Mathf.exp(lp) * negInvN);
    }
    z += row;
    if (dz) dz += row;
    if (logp) logp += (<usize>classes) << 2;
  }
  return -sum / <f32>n;
}
