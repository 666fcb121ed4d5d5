// The check-in page's camera (see checkin.js): shown only where the browser has BarcodeDetector and a camera;
// elsewhere the badge field (a barcode reader types into it) and the name search do the work.

/**
 * @param {{ zone: HTMLElement, button: HTMLButtonElement, video: HTMLVideoElement,
 *   onPayload: (value: string) => Promise<void>, onError: () => void }} parts
 * @example
 * setupCamera({ zone, button, video, onPayload: handlePayload, onError: () => say('error', 'Caméra indisponible') });
 */
export function setupCamera({ zone, button, video, onPayload, onError }) {
  if (!('BarcodeDetector' in window) || !navigator.mediaDevices?.getUserMedia) return;
  zone.hidden = false;
  let stream = null;
  let last = { value: '', at: 0 };
  const detector = new window.BarcodeDetector({ formats: ['qr_code'] });
  const stop = () => {
    for (const track of stream?.getTracks() ?? []) track.stop();
    stream = null;
    video.hidden = true;
    button.textContent = 'Activer la caméra';
  };
  const tick = async () => {
    if (!stream) return;
    try {
      const codes = await detector.detect(video);
      const value = codes[0]?.rawValue;
      // The same badge stays in view for a while: one reading per three seconds.
      if (value && (value !== last.value || Date.now() - last.at > 3000)) {
        last = { value, at: Date.now() };
        await onPayload(value);
      }
    } catch {
      // A frame that could not be read.
    }
    setTimeout(tick, 250);
  };
  button.addEventListener('click', async () => {
    if (stream) return stop();
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
      video.srcObject = stream;
      video.hidden = false;
      await video.play();
      button.textContent = 'Arrêter la caméra';
      tick();
    } catch {
      stop();
      onError();
    }
  });
}
